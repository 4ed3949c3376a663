/* CGI program that greets the visitor named in the "name" query parameter on an HTML page. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 64
#define PAGE_FIELD (NAME_MAX_LEN * 6)

static int hex_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static size_t url_decode(char *dst, const char *src, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '+') {
            dst[o++] = ' ';
        } else if (src[i] == '%' && i + 2 < n &&
                   hex_value((unsigned char)src[i + 1]) >= 0 &&
                   hex_value((unsigned char)src[i + 2]) >= 0) {
            dst[o++] = (char)(hex_value((unsigned char)src[i + 1]) * 16 +
                              hex_value((unsigned char)src[i + 2]));
            i += 2;
        } else {
            dst[o++] = src[i];
        }
    }
    dst[o] = '\0';
    return o;
}

static int query_param(const char *query, const char *key, char *out, size_t outlen)
{
    size_t klen = strlen(key);
    const char *p = query;

    while (p && *p) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            size_t vlen = len - klen - 1;
            if (vlen >= outlen)
                return -1;
            url_decode(out, p + klen + 1, vlen);
            return 0;
        }
        p = end ? end + 1 : NULL;
    }
    return -1;
}

static void escape_html(char *dst, const char *src)
{
    for (; *src; src++) {
        const char *rep = NULL;
        switch (*src) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        }
        if (rep) {
            size_t rl = strlen(rep);
            memcpy(dst, rep, rl);
            dst += rl;
        } else {
            *dst++ = *src;
        }
    }
    *dst = '\0';
}

static void render_page(const char *name)
{
    char shown[PAGE_FIELD];

    escape_html(shown, name);
    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Welcome</title></head>\n");
    printf("<body><h1>Hello, %s!</h1>\n", shown);
    printf("<p>Your name has %zu characters.</p></body></html>\n", strlen(name));
}

int main(void)
{
    const char *query = getenv("QUERY_STRING");
    char name[NAME_MAX_LEN];

    if (!query || query_param(query, "name", name, sizeof(name)) != 0 || name[0] == '\0') {
        printf("Status: 400 Bad Request\r\nContent-Type: text/plain\r\n\r\n");
        printf("missing or too long name parameter\n");
        return 0;
    }
    for (char *c = name; *c; c++)
        if (iscntrl((unsigned char)*c))
            *c = ' ';
    render_page(name);
    return 0;
}
