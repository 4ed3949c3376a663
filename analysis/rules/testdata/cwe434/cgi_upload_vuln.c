// A CGI script stores the request body under the name given in the query
// string; it keeps the file inside the upload directory but lets any type in.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define UPLOAD_DIR "/var/www/uploads"

int main(void) {
    umask(022);
    const char *query = getenv("QUERY_STRING");
    const char *len_s = getenv("CONTENT_LENGTH");
    if (query == NULL || len_s == NULL || strncmp(query, "name=", 5) != 0) {
        puts("Status: 400\r\n");
        return 1;
    }
    const char *name = query + 5;
    if (name[0] == '\0' || strchr(name, '/') != NULL || strstr(name, "..") != NULL) {
        puts("Status: 400\r\n");
        return 1;
    }
    long len = strtol(len_s, NULL, 10);
    if (len <= 0 || len > 1048576) {
        puts("Status: 413\r\n");
        return 1;
    }
    char *body = malloc((size_t)len);
    if (body == NULL) {
        return 1;
    }
    size_t got = fread(body, 1, (size_t)len, stdin);
    char path[512];
    snprintf(path, sizeof path, "%s/%s", UPLOAD_DIR, name);
    FILE *out = fopen(path, "wb"); // want CWE-434
    if (out == NULL) {
        free(body);
        return 1;
    }
    fwrite(body, 1, got, out);
    fclose(out);
    free(body);
    puts("Status: 201\r\n");
    return 0;
}
