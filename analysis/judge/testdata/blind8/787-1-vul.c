/* CGI program that searches a small product catalogue for the term given in QUERY_STRING and prints an HTML result page. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TERM_MAX 64
#define PER_PAGE 3

struct search_request {
    int page;
    char term[TERM_MAX];
};

static const char *catalogue[] = {
    "red widget", "blue widget", "green gadget", "steel bolt", "brass bolt",
    "widget stand", "gadget case", "spare bolt kit", "mini widget", NULL
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static size_t url_decode(const char *src, size_t srclen, char *dst, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < srclen && o < cap; i++) {
        char c = src[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%' && i + 2 < srclen) {
            int hi = hexval((unsigned char)src[i + 1]);
            int lo = hexval((unsigned char)src[i + 2]);
            if (hi >= 0 && lo >= 0) {
                c = (char)(hi * 16 + lo);
                i += 2;
            }
        }
        dst[o++] = c;
    }
    dst[o] = '\0';
    return o;
}

static int get_param(const char *qs, const char *key, char *out, size_t cap)
{
    size_t klen = strlen(key);
    const char *p = qs;
    while (*p) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            url_decode(p + klen + 1, len - klen - 1, out, cap);
            return 1;
        }
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}

static void parse_request(const char *qs, struct search_request *req)
{
    char num[16];
    req->page = 1;
    req->term[0] = '\0';
    get_param(qs, "q", req->term, sizeof req->term);
    if (get_param(qs, "page", num, sizeof num)) {
        long v = strtol(num, NULL, 10);
        if (v >= 1 && v <= 100)
            req->page = (int)v;
    }
}

static void print_escaped(const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", stdout); break;
        case '>': fputs("&gt;", stdout); break;
        case '&': fputs("&amp;", stdout); break;
        case '"': fputs("&quot;", stdout); break;
        case '\'': fputs("&#39;", stdout); break;
        default: putchar(*s);
        }
    }
}

int main(void)
{
    struct search_request req;
    const char *qs = getenv("QUERY_STRING");
    parse_request(qs ? qs : "", &req);

    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<html><body><h1>Results for \"");
    print_escaped(req.term);
    printf("\"</h1><ul>\n");
    int seen = 0, shown = 0;
    for (int i = 0; catalogue[i]; i++) {
        if (req.term[0] && !strstr(catalogue[i], req.term))
            continue;
        seen++;
        if (seen <= (req.page - 1) * PER_PAGE || shown >= PER_PAGE)
            continue;
        printf("<li>");
        print_escaped(catalogue[i]);
        printf("</li>\n");
        shown++;
    }
    printf("</ul><p>%d match(es), page %d</p></body></html>\n", seen, req.page);
    return 0;
}
