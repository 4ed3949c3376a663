/* Tiny loopback file server: answers "GET <name>" requests with files from a shared directory. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <unistd.h>
#include <errno.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define LINE_MAX_LEN 512

struct server {
    int listen_fd;
    char root[PATH_MAX];
};

static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

static int read_line(int fd, char *buf, size_t len)
{
    size_t used = 0;
    while (used + 1 < len) {
        char c;
        ssize_t n = read(fd, &c, 1);
        if (n <= 0)
            return -1;
        if (c == '\n')
            break;
        if (c != '\r')
            buf[used++] = c;
    }
    buf[used] = '\0';
    return (int)used;
}

static int resolve_request(const struct server *srv, const char *name, char *out, size_t outlen)
{
    int n;
    if (name[0] == '/' || strncmp(name, "..", 2) == 0)
        return -1;
    n = snprintf(out, outlen, "%s/%s", srv->root, name);
    if (n < 0 || (size_t)n >= outlen)
        return -1;
    return 0;
}

static void send_file(int fd, const char *path)
{
    char buf[4096];
    size_t n;
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        write_all(fd, "ERR not found\n", 14);
        return;
    }
    write_all(fd, "OK\n", 3);
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        if (write_all(fd, buf, n) < 0)
            break;
    fclose(fp);
}

static void handle_client(const struct server *srv, int fd)
{
    char line[LINE_MAX_LEN];
    char path[PATH_MAX];

    if (read_line(fd, line, sizeof line) < 0)
        return;
    if (strncmp(line, "GET ", 4) != 0) {
        write_all(fd, "ERR bad command\n", 16);
        return;
    }
    if (resolve_request(srv, line + 4, path, sizeof path) < 0) {
        write_all(fd, "ERR forbidden\n", 14);
        return;
    }
    send_file(fd, path);
}

static int server_open(struct server *srv, const char *root, int port)
{
    struct sockaddr_in addr;
    int one = 1;

    if (realpath(root, srv->root) == NULL)
        return -1;
    srv->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (srv->listen_fd < 0)
        return -1;
    setsockopt(srv->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv->listen_fd, (struct sockaddr *)&addr, sizeof addr) < 0 ||
        listen(srv->listen_fd, 8) < 0) {
        close(srv->listen_fd);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct server srv;
    long port;
    char *end;

    if (argc != 3) {
        fprintf(stderr, "usage: %s PORT ROOTDIR\n", argv[0]);
        return 2;
    }
    port = strtol(argv[1], &end, 10);
    if (*end != '\0' || port < 1 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    if (server_open(&srv, argv[2], (int)port) < 0) {
        perror("server");
        return 1;
    }
    for (;;) {
        int fd = accept(srv.listen_fd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        handle_client(&srv, fd);
        close(fd);
    }
    close(srv.listen_fd);
    return 0;
}
