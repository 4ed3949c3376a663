/* Minimal HTTP file server on 127.0.0.1 that serves static files from a document root. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct server {
    int fd;
    char root[PATH_MAX];
    size_t root_len;
};

static int read_request_line(int fd, char *buf, size_t len)
{
    size_t used = 0;
    while (used + 1 < len) {
        ssize_t n = recv(fd, buf + used, len - 1 - used, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        used += (size_t)n;
        buf[used] = '\0';
        char *eol = strstr(buf, "\r\n");
        if (!eol)
            eol = strchr(buf, '\n');
        if (eol) {
            *eol = '\0';
            return 0;
        }
    }
    return -1;
}

static void send_text(int fd, const char *status, const char *body)
{
    dprintf(fd, "HTTP/1.0 %s\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n\r\n%s",
            status, strlen(body), body);
}

static int map_path(const struct server *srv, const char *url, char *out)
{
    char joined[PATH_MAX * 2];
    size_t ulen = strcspn(url, "?#");
    int n = snprintf(joined, sizeof(joined), "%s/%.*s", srv->root, (int)ulen, url);
    if (n < 0 || (size_t)n >= sizeof(joined))
        return -1;
    if (realpath(joined, out) == NULL)
        return -1;
    if (strncmp(out, srv->root, srv->root_len) != 0)
        return -1;
    return 0;
}

static void serve_file(int fd, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        send_text(fd, "404 Not Found", "not found\n");
        return;
    }
    if (fseek(f, 0, SEEK_END) != 0) {
        fclose(f);
        send_text(fd, "500 Internal Server Error", "error\n");
        return;
    }
    long size = ftell(f);
    rewind(f);
    if (size < 0) {
        fclose(f);
        send_text(fd, "404 Not Found", "not found\n");
        return;
    }
    dprintf(fd, "HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: %ld\r\n\r\n", size);
    char buf[4096];
    size_t got;
    while ((got = fread(buf, 1, sizeof(buf), f)) > 0) {
        if (send(fd, buf, got, MSG_NOSIGNAL) < 0)
            break;
    }
    fclose(f);
}

static void handle_client(const struct server *srv, int cfd)
{
    char line[2048], method[16], url[1024], path[PATH_MAX];

    if (read_request_line(cfd, line, sizeof(line)) != 0) {
        send_text(cfd, "400 Bad Request", "bad request\n");
        return;
    }
    if (sscanf(line, "%15s %1023s", method, url) != 2 || url[0] != '/') {
        send_text(cfd, "400 Bad Request", "bad request\n");
        return;
    }
    if (strcmp(method, "GET") != 0) {
        send_text(cfd, "405 Method Not Allowed", "only GET\n");
        return;
    }
    if (map_path(srv, url, path) != 0) {
        send_text(cfd, "404 Not Found", "not found\n");
        return;
    }
    printf("GET %s -> %s\n", url, path);
    fflush(stdout);
    serve_file(cfd, path);
}

static int open_listener(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(fd, 8) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    struct server srv;

    if (argc != 3) {
        fprintf(stderr, "usage: %s PORT DOCROOT\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    if (realpath(argv[2], srv.root) == NULL) {
        perror(argv[2]);
        return 1;
    }
    srv.root_len = strlen(srv.root);
    srv.fd = open_listener(port);
    if (srv.fd < 0) {
        perror("listen");
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);
    for (;;) {
        int cfd = accept(srv.fd, NULL, NULL);
        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            perror("accept");
            break;
        }
        handle_client(&srv, cfd);
        close(cfd);
    }
    close(srv.fd);
    return 0;
}
