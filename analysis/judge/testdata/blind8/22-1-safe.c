/* CGI program that prints a help page from the docs directory selected by the "page" query parameter. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOCS_DIR "docs"
#define MAX_PARAM 256

struct request {
    char page[MAX_PARAM];
    char lang[16];
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower((unsigned char)c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static int url_decode(char *s)
{
    char *out = s;
    for (const char *in = s; *in; in++) {
        if (*in == '%') {
            int hi = hexval((unsigned char)in[1]);
            int lo = hi < 0 ? -1 : hexval((unsigned char)in[2]);
            if (hi < 0 || lo < 0)
                return -1;
            *out++ = (char)(hi * 16 + lo);
            in += 2;
        } else if (*in == '+') {
            *out++ = ' ';
        } else {
            *out++ = *in;
        }
    }
    *out = '\0';
    return 0;
}

static int get_param(const char *qs, const char *name, char *out, size_t outsz)
{
    size_t nlen = strlen(name);
    const char *p = qs;
    while (p && *p) {
        const char *end = strchr(p, '&');
        size_t seglen = end ? (size_t)(end - p) : strlen(p);
        if (seglen > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            size_t vlen = seglen - nlen - 1;
            if (vlen >= outsz)
                return -1;
            memcpy(out, p + nlen + 1, vlen);
            out[vlen] = '\0';
            return 0;
        }
        p = end ? end + 1 : NULL;
    }
    return -1;
}

static int page_name_ok(const char *name)
{
    if (name[0] == '\0' || name[0] == '/')
        return 0;
    if (strstr(name, "..") != NULL)
        return 0;
    return 1;
}

static int lang_ok(const char *lang)
{
    size_t len = strlen(lang);
    if (len < 2 || len > 5)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!islower((unsigned char)lang[i]))
            return 0;
    return 1;
}

static int parse_request(const char *qs, struct request *req)
{
    if (get_param(qs, "page", req->page, sizeof req->page) != 0)
        return -1;
    if (url_decode(req->page) != 0)
        return -1;
    if (!page_name_ok(req->page))
        return -1;
    if (get_param(qs, "lang", req->lang, sizeof req->lang) != 0 || url_decode(req->lang) != 0
        || !lang_ok(req->lang))
        snprintf(req->lang, sizeof req->lang, "%s", "en");
    return 0;
}

static void send_error(const char *status)
{
    printf("Status: %s\r\nContent-Type: text/plain\r\n\r\n%s\n", status, status);
}

static int send_page(const struct request *req)
{
    char path[512];
    int n = snprintf(path, sizeof path, "%s/%s/%s", DOCS_DIR, req->lang, req->page);
    if (n < 0 || (size_t)n >= sizeof path)
        return -1;
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    printf("Content-Type: text/plain; charset=utf-8\r\n\r\n");
    char buf[1024];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
        fwrite(buf, 1, got, stdout);
    fclose(fp);
    return 0;
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    struct request req;
    if (!qs || parse_request(qs, &req) != 0) {
        send_error("400 Bad Request");
        return 0;
    }
    if (send_page(&req) != 0)
        send_error("404 Not Found");
    return 0;
}
