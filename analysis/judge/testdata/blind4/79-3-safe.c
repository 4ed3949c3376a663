/* Minimal HTTP server on 127.0.0.1 that serves a few built-in pages and a not-found page. */
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
    char method[16];
    char path[PATH_MAX_LEN];
    char path_html[PATH_MAX_LEN * 6];
};

struct page {
    const char *path;
    const char *body;
};

static const struct page pages[] = {
    { "/", "<h1>Welcome</h1><p>See <a href=\"/about\">about</a>.</p>" },
    { "/about", "<h1>About</h1><p>A tiny demo server.</p>" },
};

static int hexv(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void percent_decode(const char *s, size_t n, char *out, size_t outsz)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < outsz; i++) {
        if (s[i] == '%' && i + 2 < n && hexv((unsigned char)s[i + 1]) >= 0 && hexv((unsigned char)s[i + 2]) >= 0) {
            out[o++] = (char)(hexv((unsigned char)s[i + 1]) * 16 + hexv((unsigned char)s[i + 2]));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
}

static void html_escape(const char *s, char *out, size_t outsz)
{
    size_t o = 0;
    for (; *s; s++) {
        const char *rep = NULL;
        char one[2] = { *s, '\0' };
        switch (*s) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: rep = one; break;
        }
        size_t len = strlen(rep);
        if (o + len >= outsz)
            break;
        memcpy(out + o, rep, len);
        o += len;
    }
    out[o] = '\0';
}

static int parse_request(const char *buf, struct request *req)
{
    const char *sp1 = strchr(buf, ' ');
    if (sp1 == NULL || (size_t)(sp1 - buf) >= sizeof req->method)
        return -1;
    memcpy(req->method, buf, (size_t)(sp1 - buf));
    req->method[sp1 - buf] = '\0';
    const char *start = sp1 + 1;
    const char *end = start + strcspn(start, " ?\r\n");
    percent_decode(start, (size_t)(end - start), req->path, sizeof req->path);
    html_escape(req->path, req->path_html, sizeof req->path_html);
    return 0;
}

static void send_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n <= 0)
            return;
        data += n;
        len -= (size_t)n;
    }
}

static void respond(int fd, const struct request *req)
{
    char body[8192];
    const char *status = "200 OK";
    const struct page *found = NULL;

    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
        if (strcmp(pages[i].path, req->path) == 0)
            found = &pages[i];

    if (found) {
        snprintf(body, sizeof body, "<html><body>%s</body></html>\n", found->body);
    } else {
        status = "404 Not Found";
        snprintf(body, sizeof body,
                 "<html><head><title>Not found: %s</title></head><body>\n"
                 "<h1>404</h1><p>The page <code>%s</code> does not exist.</p>\n"
                 "</body></html>\n",
                 req->path_html, req->path_html);
    }
    char head[256];
    int hl = snprintf(head, sizeof head,
                      "HTTP/1.0 %s\r\nContent-Type: text/html\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n",
                      status, strlen(body));
    send_all(fd, head, (size_t)hl);
    send_all(fd, body, strlen(body));
}

static void handle_client(int fd)
{
    char buf[REQ_MAX];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    if (n <= 0)
        return;
    buf[n] = '\0';
    struct request req;
    if (parse_request(buf, &req) == 0)
        respond(fd, &req);
}

int main(int argc, char **argv)
{
    int port = argc > 1 ? atoi(argv[1]) : 8080;
    long max_requests = argc > 2 ? atol(argv[2]) : 0;
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "usage: %s PORT [MAX_REQUESTS]\n", argv[0]);
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
        perror("bind/listen");
        close(s);
        return 1;
    }
    for (long served = 0; max_requests == 0 || served < max_requests; served++) {
        int c = accept(s, NULL, NULL);
        if (c < 0)
            continue;
        handle_client(c);
        close(c);
    }
    close(s);
    return 0;
}
