/* CGI search page: reads q and page from QUERY_STRING and prints a results page. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAM 256

struct search_request {
    char query[MAX_PARAM];
    int page;
};

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static void url_decode(char *s)
{
    char *out = s;
    while (*s) {
        if (*s == '+') {
            *out++ = ' ';
            s++;
        } else if (*s == '%' && hex_value((unsigned char)s[1]) >= 0 &&
                   hex_value((unsigned char)s[2]) >= 0) {
            *out++ = (char)(hex_value((unsigned char)s[1]) * 16 +
                            hex_value((unsigned char)s[2]));
            s += 3;
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

static int get_param(const char *qs, const char *name, char *out, size_t outsz)
{
    size_t nlen = strlen(name);
    const char *p = qs;

    while (p && *p) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            size_t vlen = len - nlen - 1;
            if (vlen >= outsz)
                vlen = outsz - 1;
            memcpy(out, p + nlen + 1, vlen);
            out[vlen] = '\0';
            return 1;
        }
        p = end ? end + 1 : NULL;
    }
    return 0;
}

static int is_plain_text(const char *s)
{
    return strpbrk(s, "<>\"'&") == NULL;
}

static int read_request(const char *qs, struct search_request *req)
{
    char pagebuf[16];

    req->query[0] = '\0';
    req->page = 1;

    if (get_param(qs, "q", req->query, sizeof req->query)) {
        if (!is_plain_text(req->query))
            return -1;
        url_decode(req->query);
    }
    if (get_param(qs, "page", pagebuf, sizeof pagebuf)) {
        long v = strtol(pagebuf, NULL, 10);
        if (v >= 1 && v <= 1000)
            req->page = (int)v;
    }
    return 0;
}

static void print_results(const struct search_request *req)
{
    static const char *catalogue[] = {
        "apple pie", "banana bread", "cherry tart", "date squares", "elderflower cordial"
    };
    size_t i, hits = 0;

    printf("<h1>Search</h1>\n");
    printf("<form><input name=\"q\" value=\"%s\"><button>Go</button></form>\n", req->query);
    printf("<p>Results for <b>%s</b> (page %d)</p>\n<ul>\n", req->query, req->page);
    for (i = 0; i < sizeof catalogue / sizeof catalogue[0]; i++) {
        if (req->query[0] && strstr(catalogue[i], req->query)) {
            printf("<li>%s</li>\n", catalogue[i]);
            hits++;
        }
    }
    printf("</ul>\n<p>%zu match(es)</p>\n", hits);
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    struct search_request req;

    if (qs == NULL)
        qs = "";

    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Recipe search</title></head><body>\n");
    if (read_request(qs, &req) != 0) {
        printf("<p>Invalid characters in query.</p>\n");
    } else {
        print_results(&req);
    }
    printf("</body></html>\n");
    return 0;
}
