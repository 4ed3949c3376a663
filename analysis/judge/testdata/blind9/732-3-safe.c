/* Small loopback service that accepts "STORE name secret" requests and saves each secret under a spool directory. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define LINE_MAX_LEN 512
#define NAME_MAX_LEN 64

struct service {
    const char *spool_dir;
    int listen_fd;
};

static void init_service_env(void)
{
    signal(SIGPIPE, SIG_IGN);
    umask(S_IRWXG | S_IRWXO);
}

static int open_listener(unsigned short port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 8) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static int read_line(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    while (n + 1 < cap) {
        char c;
        ssize_t r = recv(fd, &c, 1, 0);
        if (r <= 0)
            return -1;
        if (c == '\n')
            break;
        if (c != '\r')
            buf[n++] = c;
    }
    buf[n] = '\0';
    return (int)n;
}

static int valid_name(const char *name)
{
    size_t len = strlen(name);
    if (len == 0 || len > NAME_MAX_LEN)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

static int save_secret(const struct service *svc, const char *name, const char *secret)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s.secret", svc->spool_dir, name);
    if (n < 0 || (size_t)n >= sizeof path)
        return -1;
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    int ok = fprintf(f, "%s\n", secret) >= 0;
    if (fclose(f) != 0)
        ok = 0;
    return ok ? 0 : -1;
}

static void handle_client(const struct service *svc, int cfd)
{
    char line[LINE_MAX_LEN];
    const char *reply = "ERR bad request\n";
    if (read_line(cfd, line, sizeof line) > 0) {
        char *save = NULL;
        char *cmd = strtok_r(line, " ", &save);
        char *name = strtok_r(NULL, " ", &save);
        char *secret = strtok_r(NULL, "", &save);
        if (cmd && name && secret && strcmp(cmd, "STORE") == 0 && valid_name(name))
            reply = save_secret(svc, name, secret) == 0 ? "OK\n" : "ERR storage\n";
    }
    send(cfd, reply, strlen(reply), 0);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s PORT SPOOL_DIR\n", argv[0]);
        return 2;
    }
    char *end;
    long port = strtol(argv[1], &end, 10);
    if (*end != '\0' || port < 1024 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    struct service svc = { argv[2], -1 };
    init_service_env();
    svc.listen_fd = open_listener((unsigned short)port);
    if (svc.listen_fd < 0) {
        perror("listen");
        return 1;
    }
    for (;;) {
        int cfd = accept(svc.listen_fd, NULL, NULL);
        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        handle_client(&svc, cfd);
        close(cfd);
    }
    close(svc.listen_fd);
    return 0;
}
