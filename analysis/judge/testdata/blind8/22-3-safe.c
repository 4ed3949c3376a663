/* Small loopback file server: answers "GET <name>" requests with files from a document root. */
#define _XOPEN_SOURCE 700
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define REQ_MAX 512

struct server {
    int fd;
    char root[PATH_MAX];
    int max_clients;
};

static int send_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = send(fd, p, len, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static int read_line(int fd, char *buf, size_t size)
{
    size_t used = 0;
    while (used + 1 < size) {
        ssize_t n = recv(fd, buf + used, 1, 0);
        if (n <= 0)
            return -1;
        if (buf[used] == '\n')
            break;
        used++;
    }
    if (used > 0 && buf[used - 1] == '\r')
        used--;
    buf[used] = '\0';
    return 0;
}

static FILE *open_document(const struct server *srv, const char *name)
{
    char path[PATH_MAX];
    char resolved[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/%s", srv->root, name);
    if (n < 0 || (size_t)n >= sizeof path)
        return NULL;
    if (!realpath(path, resolved))
        return NULL;
    size_t rlen = strlen(srv->root);
    if (strncmp(resolved, srv->root, rlen) != 0 || resolved[rlen] != '/')
        return NULL;
    return fopen(resolved, "rb");
}

static void send_file(int cfd, FILE *fp)
{
    char buf[4096];
    size_t got;
    if (fseek(fp, 0, SEEK_END) != 0)
        return;
    long size = ftell(fp);
    rewind(fp);
    if (size < 0)
        return;
    dprintf(cfd, "OK %ld\n", size);
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
        if (send_all(cfd, buf, got) != 0)
            break;
}

static void handle_client(const struct server *srv, int cfd)
{
    char line[REQ_MAX];
    if (read_line(cfd, line, sizeof line) != 0)
        return;
    if (strncmp(line, "GET ", 4) != 0 || line[4] == '\0') {
        dprintf(cfd, "ERR bad request\n");
        return;
    }
    FILE *fp = open_document(srv, line + 4);
    if (!fp) {
        dprintf(cfd, "ERR not found\n");
        return;
    }
    send_file(cfd, fp);
    fclose(fp);
}

static int server_open(struct server *srv, unsigned short port)
{
    struct sockaddr_in addr;
    int one = 1;
    srv->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (srv->fd < 0)
        return -1;
    setsockopt(srv->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv->fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(srv->fd, 8) != 0) {
        close(srv->fd);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct server srv;
    if (argc != 4) {
        fprintf(stderr, "usage: %s PORT ROOT MAX_CLIENTS\n", argv[0]);
        return 2;
    }
    long port = strtol(argv[1], NULL, 10);
    long clients = strtol(argv[3], NULL, 10);
    if (port <= 0 || port > 65535 || clients <= 0 || clients > 100000) {
        fprintf(stderr, "bad arguments\n");
        return 2;
    }
    srv.max_clients = (int)clients;
    if (!realpath(argv[2], srv.root)) {
        perror(argv[2]);
        return 1;
    }
    if (server_open(&srv, (unsigned short)port) != 0) {
        perror("listen");
        return 1;
    }
    for (int served = 0; served < srv.max_clients; served++) {
        int cfd = accept(srv.fd, NULL, NULL);
        if (cfd < 0)
            continue;
        handle_client(&srv, cfd);
        close(cfd);
    }
    close(srv.fd);
    return 0;
}
