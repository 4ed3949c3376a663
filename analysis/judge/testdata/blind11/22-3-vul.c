/* Small loopback file server: answers "GET <name>" lines with the contents of files under a shared directory. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct server {
    int listen_fd;
    char root[PATH_MAX];
    size_t root_len;
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

static int reply(int fd, const char *msg)
{
    return write_all(fd, msg, strlen(msg));
}

static int read_request(int fd, char *line, size_t size)
{
    size_t used = 0;
    while (used + 1 < size) {
        char c;
        ssize_t n = read(fd, &c, 1);
        if (n <= 0)
            break;
        if (c == '\n')
            break;
        if (c != '\r')
            line[used++] = c;
    }
    line[used] = '\0';
    return used > 0 ? 0 : -1;
}

static int resolve_in_root(const struct server *srv, const char *name, char *out)
{
    char joined[PATH_MAX];
    int n = snprintf(joined, sizeof joined, "%s/%s", srv->root, name);
    if (n < 0 || (size_t)n >= sizeof joined)
        return -1;
    if (!realpath(joined, out))
        return -1;
    if (strncmp(out, srv->root, srv->root_len) != 0)
        return -1;
    return 0;
}

static void handle_client(const struct server *srv, int fd)
{
    char line[512];
    char path[PATH_MAX];

    if (read_request(fd, line, sizeof line) != 0)
        return;
    if (strncmp(line, "GET ", 4) != 0) {
        reply(fd, "ERR bad command\n");
        return;
    }
    if (resolve_in_root(srv, line + 4, path) != 0) {
        reply(fd, "ERR not found\n");
        return;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        reply(fd, "ERR cannot open\n");
        return;
    }
    if (reply(fd, "OK\n") == 0) {
        char buf[4096];
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
            if (write_all(fd, buf, got) != 0)
                break;
    }
    fclose(fp);
}

static int server_open(struct server *srv, const char *root, int port)
{
    if (!realpath(root, srv->root))
        return -1;
    srv->root_len = strlen(srv->root);

    srv->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (srv->listen_fd < 0)
        return -1;
    int one = 1;
    setsockopt(srv->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv->listen_fd, (struct sockaddr *)&addr, sizeof addr) != 0 ||
        listen(srv->listen_fd, 8) != 0) {
        close(srv->listen_fd);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct server srv;
    if (argc < 3) {
        fprintf(stderr, "usage: %s PORT ROOT [MAXCONN]\n", argv[0]);
        return 2;
    }
    long port = strtol(argv[1], NULL, 10);
    long maxconn = argc > 3 ? strtol(argv[3], NULL, 10) : 0;
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    if (server_open(&srv, argv[2], (int)port) != 0) {
        perror("server");
        return 1;
    }
    for (long served = 0; maxconn <= 0 || served < maxconn; served++) {
        int fd = accept(srv.listen_fd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            perror("accept");
            break;
        }
        handle_client(&srv, fd);
        close(fd);
    }
    close(srv.listen_fd);
    return 0;
}
