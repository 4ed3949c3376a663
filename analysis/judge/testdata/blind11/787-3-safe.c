/* CGI search page: reads the q and page parameters from QUERY_STRING and prints an HTML results header echoing the query. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENTITY_MAX 6

struct search_request {
    char *query;
    long page;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static char *url_decode(const char *src, size_t len)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '+') {
            out[o++] = ' ';
        } else if (src[i] == '%' && i + 2 < len &&
                   hexval((unsigned char)src[i + 1]) >= 0 && hexval((unsigned char)src[i + 2]) >= 0) {
            out[o++] = (char)(hexval((unsigned char)src[i + 1]) * 16 + hexval((unsigned char)src[i + 2]));
            i += 2;
        } else {
            out[o++] = src[i];
        }
    }
    out[o] = '\0';
    return out;
}

static const char *entity_for(char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

static char *escape_html(const char *src)
{
    size_t len = strlen(src);
    if (len > (SIZE_MAX - 1) / ENTITY_MAX)
        return NULL;
    char *out = malloc(len * ENTITY_MAX + 1);
    if (!out)
        return NULL;
    char *p = out;
    for (; *src; src++) {
        const char *ent = entity_for(*src);
        if (ent) {
            size_t n = strlen(ent);
            memcpy(p, ent, n);
            p += n;
        } else {
            *p++ = *src;
        }
    }
    *p = '\0';
    return out;
}

static int parse_query(const char *qs, struct search_request *req)
{
    req->query = NULL;
    req->page = 1;
    while (*qs) {
        size_t seg = strcspn(qs, "&");
        const char *eq = memchr(qs, '=', seg);
        if (eq) {
            size_t klen = (size_t)(eq - qs);
            const char *val = eq + 1;
            size_t vlen = seg - klen - 1;
            if (klen == 1 && qs[0] == 'q' && !req->query) {
                req->query = url_decode(val, vlen);
                if (!req->query)
                    return -1;
            } else if (klen == 4 && strncmp(qs, "page", 4) == 0) {
                char num[16];
                if (vlen < sizeof num) {
                    memcpy(num, val, vlen);
                    num[vlen] = '\0';
                    char *end;
                    long p = strtol(num, &end, 10);
                    if (*end == '\0' && p >= 1 && p <= 1000)
                        req->page = p;
                }
            }
        }
        qs += seg;
        if (*qs == '&')
            qs++;
    }
    return 0;
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    struct search_request req;
    if (parse_query(qs ? qs : "", &req) != 0) {
        fputs("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nout of memory\n", stdout);
        return 1;
    }
    char *shown = escape_html(req.query ? req.query : "");
    if (!shown) {
        free(req.query);
        fputs("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nout of memory\n", stdout);
        return 1;
    }
    fputs("Content-Type: text/html; charset=utf-8\r\n\r\n", stdout);
    puts("<!DOCTYPE html>\n<html><head><title>Search</title></head><body>");
    printf("<form action=\"search\"><input name=\"q\" value=\"%s\"></form>\n", shown);
    printf("<h1>Results for &ldquo;%s&rdquo;</h1>\n<p>Page %ld</p>\n", shown, req.page);
    puts("</body></html>");
    free(shown);
    free(req.query);
    return 0;
}
