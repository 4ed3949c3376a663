// A CGI "claim" endpoint: POST ?name=NAME makes the file NAME in the
// claims directory holding a fixed marker; nothing the client sends goes in it.
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
    static const char marker[] = "claimed\n";
    char path[300];
    snprintf(path, sizeof path, "/var/www/claims/%s", q + 5);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) {
        puts("Status: 409\r\n");
        return 1;
    }
    if (write(fd, marker, sizeof marker - 1) < 0) {
        close(fd);
        return 1;
    }
    close(fd);
    puts("Status: 201\r\n");
    return 0;
}
