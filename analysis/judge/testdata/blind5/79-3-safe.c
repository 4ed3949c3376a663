/* Minimal HTTP server on 127.0.0.1 that serves a few built-in pages and an error page for unknown paths. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define REQ_MAX 4096
#define PATH_MAX_LEN 512

struct page {
    const char *path;
    const char *body;
};

static const struct page pages[] = {
    { "/", "<h1>Welcome</h1><p>See <a href=\"/about\">about</a>.</p>" },
    { "/about", "<h1>About</h1><p>A tiny status server.</p>" },
    { "/status", "<h1>Status</h1><p>All systems nominal.</p>" },
    { NULL, NULL }
};

struct request {
    char method[8];
    char path[PATH_MAX_LEN];
};

static void send_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n <= 0)
            return;
        buf += n;
        len -= (size_t)n;
    }
}

static void send_response(int fd, int code, const char *reason, const char *html)
{
    char head[256];
    int n = snprintf(head, sizeof head,
                     "HTTP/1.0 %d %s\r\nContent-Type: text/html\r\nContent-Length: %zu\r\n\r\n",
                     code, reason, strlen(html));
    if (n > 0 && (size_t)n < sizeof head)
        send_all(fd, head, (size_t)n);
    send_all(fd, html, strlen(html));
}

static void percent_decode(char *s)
{
    char *out = s;
    while (*s) {
        if (s[0] == '%' && isxdigit((unsigned char)s[1]) && isxdigit((unsigned char)s[2])) {
            char hex[3] = { s[1], s[2], '\0' };
            *out++ = (char)strtol(hex, NULL, 16);
            s += 3;
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

static int parse_request(const char *buf, struct request *req)
{
    const char *sp1 = strchr(buf, ' ');
    if (!sp1 || (size_t)(sp1 - buf) >= sizeof req->method)
        return -1;
    memcpy(req->method, buf, (size_t)(sp1 - buf));
    req->method[sp1 - buf] = '\0';
    const char *p = sp1 + 1;
    size_t len = strcspn(p, " \r\n?");
    if (len == 0 || len >= sizeof req->path)
        return -1;
    memcpy(req->path, p, len);
    req->path[len] = '\0';
    percent_decode(req->path);
    return 0;
}

static void escape_html(const char *in, char *out, size_t outsz)
{
    size_t o = 0;
    for (; *in; in++) {
        char one[2] = { *in, '\0' };
        const char *rep = one;
        switch (*in) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: break;
        }
        size_t n = strlen(rep);
        if (o + n >= outsz)
            break;
        memcpy(out + o, rep, n);
        o += n;
    }
    out[o] = '\0';
}

static void send_not_found(int fd, const struct request *req)
{
    char shown[PATH_MAX_LEN * 6];
    char html[PATH_MAX_LEN * 6 + 256];
    escape_html(req->path, shown, sizeof shown);
    snprintf(html, sizeof html,
             "<html><body><h1>404 Not Found</h1><p>The page %s does not exist on this server.</p></body></html>",
             shown);
    send_response(fd, 404, "Not Found", html);
}

static void handle_client(int fd)
{
    char buf[REQ_MAX];
    struct request req;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    if (n <= 0)
        return;
    buf[n] = '\0';
    if (parse_request(buf, &req) != 0 || strcmp(req.method, "GET") != 0) {
        send_response(fd, 400, "Bad Request", "<h1>400 Bad Request</h1>");
        return;
    }
    for (const struct page *pg = pages; pg->path; pg++) {
        if (strcmp(pg->path, req.path) == 0) {
            send_response(fd, 200, "OK", pg->body);
            return;
        }
    }
    send_not_found(fd, &req);
}

int main(int argc, char **argv)
{
    int port = argc > 1 ? atoi(argv[1]) : 48080;
    int count = argc > 2 ? atoi(argv[2]) : 1;
    if (port <= 0 || port > 65535 || count <= 0) {
        fprintf(stderr, "usage: %s [port] [connections]\n", argv[0]);
        return 1;
    }
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) {
        perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(s, 8) < 0) {
        perror("bind");
        close(s);
        return 1;
    }
    for (int i = 0; i < count; i++) {
        int c = accept(s, NULL, NULL);
        if (c < 0)
            continue;
        handle_client(c);
        close(c);
    }
    close(s);
    return 0;
}
