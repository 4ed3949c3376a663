// A CGI attachment store: POST ?id=N stores the body as attachment N;
// the id is taken as the client wrote it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int main(void) {
    umask(077);
    const char *q = getenv("QUERY_STRING");
    if (q == NULL || strncmp(q, "id=", 3) != 0) {
        puts("Status: 400\r\n");
        return 1;
    }
    const char *id = q + 3;
    if (strchr(id, '/') != NULL || strstr(id, "..") != NULL) {
        puts("Status: 400\r\n");
        return 1;
    }
    char path[128];
    snprintf(path, sizeof path, "/var/www/attach/%s", id);
    FILE *fp = fopen(path, "wb"); // want CWE-434
    if (fp == NULL) {
        return 1;
    }
    int c;
    while ((c = getchar()) != EOF) {
        fputc(c, fp);
    }
    fclose(fp);
    return 0;
}
