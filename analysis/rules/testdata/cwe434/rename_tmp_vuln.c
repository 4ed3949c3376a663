// An upload daemon spools each upload to a temporary file, then renames it
// to the name the client asked for.
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *spool_body(int conn, char *tmpl) {
    int fd = mkstemp(tmpl);
    if (fd < 0) {
        return NULL;
    }
    char chunk[2048];
    ssize_t n;
    while ((n = recv(conn, chunk, sizeof chunk, 0)) > 0) {
        if (write(fd, chunk, (size_t)n) != n) {
            close(fd);
            return NULL;
        }
    }
    close(fd);
    return tmpl;
}

int handle(int conn) {
    char name[128];
    ssize_t n = recv(conn, name, sizeof name - 1, 0);
    if (n <= 0) {
        return -1;
    }
    name[n] = '\0';
    name[strcspn(name, "\r\n")] = '\0';
    if (strpbrk(name, "/\\") != NULL || name[0] == '.') {
        return -1;
    }
    const char *ext = strrchr(name, '.');
    int known = 0;
    if (ext != NULL) {
        known = 1;
    }
    if (!known) {
        return -1;
    }
    char tmpl[] = "/srv/public/.upload-XXXXXX";
    if (spool_body(conn, tmpl) == NULL) {
        return -1;
    }
    char final[256];
    snprintf(final, sizeof final, "/srv/public/%s", name);
    return rename(tmpl, final); // want CWE-434
}

int main(void) {
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0 || listen(srv, 4) != 0) {
        return 1;
    }
    for (;;) {
        int conn = accept(srv, NULL, NULL);
        if (conn >= 0) {
            handle(conn);
            close(conn);
        }
    }
}
