/* Minimal HTTP server on 127.0.0.1 that serves a few fixed pages and a not-found page. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define REQ_MAX 4096
#define PATH_MAX_LEN 512

struct request {
    char method[8];
    char path[PATH_MAX_LEN];
};

struct route {
    const char *path;
    const char *body;
};

static const struct route routes[] = {
    { "/", "<h1>Welcome</h1><p>Try <a href=\"/status\">/status</a>.</p>" },
    { "/status", "<h1>Status</h1><p>All systems nominal.</p>" },
};

static int hexdig(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void percent_decode(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (s[0] == '%' && hexdig((unsigned char)s[1]) >= 0 && hexdig((unsigned char)s[2]) >= 0) {
            *o++ = (char)(hexdig((unsigned char)s[1]) * 16 + hexdig((unsigned char)s[2]));
            s += 2;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
}

static int read_request(int fd, char *buf, size_t cap)
{
    size_t used = 0;
    while (used + 1 < cap) {
        ssize_t n = recv(fd, buf + used, cap - 1 - used, 0);
        if (n <= 0)
            break;
        used += (size_t)n;
        buf[used] = '\0';
        if (strstr(buf, "\r\n\r\n"))
            return 0;
    }
    buf[used] = '\0';
    return used > 0 ? 0 : -1;
}

static int parse_request_line(const char *raw, struct request *req)
{
    const char *sp1 = strchr(raw, ' ');
    const char *sp2;
    size_t mlen, plen;

    if (!sp1)
        return -1;
    sp2 = strchr(sp1 + 1, ' ');
    if (!sp2)
        return -1;
    mlen = (size_t)(sp1 - raw);
    plen = (size_t)(sp2 - sp1 - 1);
    if (mlen == 0 || mlen >= sizeof req->method || plen == 0 || plen >= sizeof req->path)
        return -1;
    memcpy(req->method, raw, mlen);
    req->method[mlen] = '\0';
    memcpy(req->path, sp1 + 1, plen);
    req->path[plen] = '\0';
    char *q = strchr(req->path, '?');
    if (q)
        *q = '\0';
    percent_decode(req->path);
    return 0;
}

static void send_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, data, len, 0);
        if (n <= 0)
            return;
        data += n;
        len -= (size_t)n;
    }
}

static void respond(int fd, int status, const char *reason, const char *body)
{
    char head[256];
    int n = snprintf(head, sizeof head,
                     "HTTP/1.0 %d %s\r\nContent-Type: text/html; charset=utf-8\r\n"
                     "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                     status, reason, strlen(body));
    if (n > 0 && (size_t)n < sizeof head)
        send_all(fd, head, (size_t)n);
    send_all(fd, body, strlen(body));
}

static void not_found(int fd, const struct request *req)
{
    char body[PATH_MAX_LEN + 256];
    snprintf(body, sizeof body,
             "<!DOCTYPE html><html><body><h1>Not Found</h1>"
             "<p>The page <code>%s</code> does not exist.</p></body></html>\n",
             req->path);
    respond(fd, 404, "Not Found", body);
}

static void handle_client(int fd)
{
    char raw[REQ_MAX];
    struct request req;
    size_t i;

    if (read_request(fd, raw, sizeof raw) != 0)
        return;
    if (parse_request_line(raw, &req) != 0) {
        respond(fd, 400, "Bad Request", "<h1>Bad Request</h1>\n");
        return;
    }
    if (strcmp(req.method, "GET") != 0) {
        respond(fd, 405, "Method Not Allowed", "<h1>Method Not Allowed</h1>\n");
        return;
    }
    for (i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (strcmp(routes[i].path, req.path) == 0) {
            respond(fd, 200, "OK", routes[i].body);
            return;
        }
    }
    not_found(fd, &req);
}

int main(int argc, char **argv)
{
    int port = argc > 1 ? atoi(argv[1]) : 8080;
    int max_requests = argc > 2 ? atoi(argv[2]) : -1;
    struct sockaddr_in addr;
    int one = 1, served = 0;
    int lfd = socket(AF_INET, SOCK_STREAM, 0);

    if (lfd < 0 || port <= 0 || port > 65535) {
        fprintf(stderr, "usage: %s PORT [MAX_REQUESTS]\n", argv[0]);
        return 1;
    }
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(lfd, 8) != 0) {
        perror("bind/listen");
        close(lfd);
        return 1;
    }
    while (max_requests < 0 || served < max_requests) {
        int cfd = accept(lfd, NULL, NULL);
        if (cfd < 0)
            continue;
        handle_client(cfd);
        close(cfd);
        served++;
    }
    close(lfd);
    return 0;
}
