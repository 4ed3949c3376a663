/* CGI program that shows a search results page for the term given in QUERY_STRING. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define TERM_MAX 256

struct search_request {
    char term[TERM_MAX];
    char term_html[TERM_MAX * 6];
    int page;
};

static const char *catalogue[] = {
    "apple pie", "apple crumble", "banana bread", "carrot cake",
    "cherry tart", "lemon drizzle", "pear sorbet", NULL
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static void url_decode(const char *in, char *out, size_t outsz)
{
    size_t o = 0;
    while (*in && o + 1 < outsz) {
        if (*in == '%' && hexval((unsigned char)in[1]) >= 0 && hexval((unsigned char)in[2]) >= 0) {
            out[o++] = (char)(hexval((unsigned char)in[1]) * 16 + hexval((unsigned char)in[2]));
            in += 3;
        } else if (*in == '+') {
            out[o++] = ' ';
            in++;
        } else {
            out[o++] = *in++;
        }
    }
    out[o] = '\0';
}

static void html_escape(const char *in, char *out, size_t outsz)
{
    size_t o = 0;
    for (; *in; in++) {
        const char *rep = NULL;
        char one[2] = { *in, '\0' };
        switch (*in) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: rep = one; break;
        }
        size_t n = strlen(rep);
        if (o + n + 1 > outsz)
            break;
        memcpy(out + o, rep, n);
        o += n;
    }
    out[o] = '\0';
}

static int get_param(const char *qs, const char *name, char *out, size_t outsz)
{
    size_t nlen = strlen(name);
    while (qs && *qs) {
        const char *end = strchr(qs, '&');
        size_t len = end ? (size_t)(end - qs) : strlen(qs);
        if (len > nlen && strncmp(qs, name, nlen) == 0 && qs[nlen] == '=') {
            size_t vlen = len - nlen - 1;
            if (vlen >= outsz)
                vlen = outsz - 1;
            memcpy(out, qs + nlen + 1, vlen);
            out[vlen] = '\0';
            return 1;
        }
        qs = end ? end + 1 : NULL;
    }
    return 0;
}

static void parse_request(const char *qs, struct search_request *req)
{
    char raw[TERM_MAX];

    req->term[0] = '\0';
    req->term_html[0] = '\0';
    req->page = 1;
    if (get_param(qs, "q", raw, sizeof raw)) {
        url_decode(raw, req->term, sizeof req->term);
        html_escape(req->term, req->term_html, sizeof req->term_html);
    }
    if (get_param(qs, "page", raw, sizeof raw)) {
        long p = strtol(raw, NULL, 10);
        if (p >= 1 && p <= 100)
            req->page = (int)p;
    }
}

static void render_results(const struct search_request *req)
{
    int hits = 0;
    printf("<h1>Results for \"%s\" (page %d)</h1>\n<ul>\n", req->term_html, req->page);
    for (int i = 0; catalogue[i]; i++) {
        if (req->term[0] && strstr(catalogue[i], req->term)) {
            printf("<li>%s</li>\n", catalogue[i]);
            hits++;
        }
    }
    printf("</ul>\n<p>%d match(es)</p>\n", hits);
}

int main(void)
{
    struct search_request req;
    const char *qs = getenv("QUERY_STRING");

    parse_request(qs ? qs : "", &req);
    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Recipe search</title></head><body>\n");
    render_results(&req);
    printf("</body></html>\n");
    return 0;
}
