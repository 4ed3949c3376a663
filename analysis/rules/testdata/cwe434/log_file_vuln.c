// A line-based log collector: each client sends "USER message" lines and
// the server appends them to that user's file, opened by a helper.
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static FILE *open_user_log(const char *user);

static void serve(int conn) {
    char line[1024];
    ssize_t n = recv(conn, line, sizeof line - 1, 0);
    if (n <= 0) {
        return;
    }
    line[n] = '\0';
    char *sp = strchr(line, ' ');
    if (sp == NULL) {
        return;
    }
    *sp = '\0';
    if (strpbrk(line, "/.") != NULL) {
        return;
    }
    FILE *log = open_user_log(line);
    if (log == NULL) {
        return;
    }
    fprintf(log, "%s\n", sp + 1);
    fclose(log);
}

int main(void) {
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0 || listen(srv, 16) != 0) {
        return 1;
    }
    for (;;) {
        int conn = accept(srv, NULL, NULL);
        if (conn >= 0) {
            serve(conn);
            close(conn);
        }
    }
}

static FILE *open_user_log(const char *user) {
    char path[256];
    snprintf(path, sizeof path, "/var/www/logs/%s", user);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0640); // want CWE-434
    if (fd < 0) {
        return NULL;
    }
    return fdopen(fd, "a");
}
