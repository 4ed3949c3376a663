/* Minimal HTTP server on 127.0.0.1 that serves a few built-in help pages and a not-found page. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct page {
    const char *path;
    const char *title;
    const char *body;
};

static const struct page pages[] = {
    { "/", "Help index", "<ul><li><a href=\"/install\">Install</a></li><li><a href=\"/usage\">Usage</a></li></ul>" },
    { "/install", "Installing", "<p>Unpack the archive and run <code>make install</code>.</p>" },
    { "/usage", "Usage", "<p>Run the tool with <code>--help</code> for a list of options.</p>" },
};

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void percent_decode(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '%' && r[1] && r[2] && hexval(r[1]) >= 0 && hexval(r[2]) >= 0) {
            *w++ = (char)(hexval(r[1]) * 16 + hexval(r[2]));
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

/* Extracts the request target from "GET /path HTTP/1.x"; returns 0 on success. */
static int parse_request_line(char *req, char **path)
{
    char *eol = strpbrk(req, "\r\n");
    if (eol)
        *eol = '\0';
    if (strncmp(req, "GET ", 4) != 0)
        return -1;
    char *start = req + 4;
    char *sp = strchr(start, ' ');
    if (sp == NULL || *start != '/')
        return -1;
    *sp = '\0';
    char *q = strchr(start, '?');
    if (q)
        *q = '\0';
    percent_decode(start);
    *path = start;
    return 0;
}

static void send_page(FILE *out, const char *status, const char *title, const char *body)
{
    fprintf(out, "HTTP/1.0 %s\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n", status);
    fprintf(out, "<!DOCTYPE html><html><head><title>%s</title></head><body><h1>%s</h1>%s</body></html>\n",
            title, title, body);
}

static void write_html_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out); break;
        }
    }
}

static void send_not_found(FILE *out, const char *path)
{
    fprintf(out, "HTTP/1.0 404 Not Found\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n");
    fprintf(out, "<!DOCTYPE html><html><head><title>Not found</title></head><body>"
                 "<h1>Not found</h1><p>The page ");
    write_html_text(out, path);
    fprintf(out, " does not exist. Go back to the <a href=\"/\">index</a>.</p></body></html>\n");
}

static void handle_client(int fd)
{
    char req[2048];
    ssize_t n = recv(fd, req, sizeof req - 1, 0);
    FILE *out = fdopen(fd, "w");
    if (out == NULL) {
        close(fd);
        return;
    }
    char *path = NULL;
    if (n <= 0) {
        fclose(out);
        return;
    }
    req[n] = '\0';
    if (parse_request_line(req, &path) != 0) {
        fprintf(out, "HTTP/1.0 400 Bad Request\r\nConnection: close\r\n\r\n");
        fclose(out);
        return;
    }
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        if (strcmp(pages[i].path, path) == 0) {
            send_page(out, "200 OK", pages[i].title, pages[i].body);
            fclose(out);
            return;
        }
    }
    send_not_found(out, path);
    fclose(out);
}

static long parse_number(const char *s, long def)
{
    if (s == NULL)
        return def;
    char *end = NULL;
    long v = strtol(s, &end, 10);
    return (end == s || *end != '\0') ? -1 : v;
}

int main(int argc, char **argv)
{
    long port = parse_number(argc > 1 ? argv[1] : NULL, 48079);
    long count = parse_number(argc > 2 ? argv[2] : NULL, 1);
    if (port <= 0 || port > 65535 || count <= 0 || count > 1000) {
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
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(s, 4) < 0) {
        perror("bind");
        close(s);
        return 1;
    }
    while (count-- > 0) {
        int c = accept(s, NULL, NULL);
        if (c < 0)
            continue;
        handle_client(c);
    }
    close(s);
    return 0;
}
