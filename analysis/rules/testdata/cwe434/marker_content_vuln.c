// A CGI "claim" endpoint: POST ?name=NAME makes the file NAME in the
// claims directory and stores the posted text in it.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    const char *q = getenv("QUERY_STRING");
    if (q == NULL || strncmp(q, "name=", 5) != 0 || strpbrk(q + 5, "/\\") != NULL || strstr(q, "..") != NULL) {
        puts("Status: 400\r\n");
        return 1;
    }
    char text[512];
    size_t len = fread(text, 1, sizeof text, stdin);
    char path[300];
    snprintf(path, sizeof path, "/var/www/claims/%s", q + 5);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644); // want CWE-434
    if (fd < 0) {
        puts("Status: 409\r\n");
        return 1;
    }
    if (write(fd, text, len) < 0) {
        close(fd);
        return 1;
    }
    close(fd);
    puts("Status: 201\r\n");
    return 0;
}
