/* CGI program that greets the visitor named in the "name" query parameter. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIELD_MAX 256
#define HTML_MAX 128

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    return c - 'a' + 10;
}

static int get_param(const char *query, const char *key, char *dst, size_t dstsz)
{
    size_t klen = strlen(key);
    const char *p = query;
    while (p && *p) {
        if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
            const char *s = p + klen + 1;
            size_t o = 0;
            while (*s && *s != '&') {
                if (o + 1 >= dstsz)
                    return -1;
                if (*s == '+') {
                    dst[o++] = ' ';
                    s++;
                } else if (*s == '%' && isxdigit((unsigned char)s[1]) && isxdigit((unsigned char)s[2])) {
                    dst[o++] = (char)(hexval((unsigned char)s[1]) * 16 + hexval((unsigned char)s[2]));
                    s += 3;
                } else {
                    dst[o++] = *s++;
                }
            }
            dst[o] = '\0';
            return 0;
        }
        p = strchr(p, '&');
        if (p)
            p++;
    }
    return -1;
}

static int escape_html(const char *in, char *out, size_t outsz)
{
    size_t o = 0;
    if (strlen(in) >= outsz)
        return -1;
    for (; *in; in++) {
        const char *rep = NULL;
        switch (*in) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        }
        size_t n = rep ? strlen(rep) : 1;
        if (n >= outsz - o)
            return -1;
        if (rep) {
            memcpy(out + o, rep, n);
            o += n;
        } else {
            out[o++] = *in;
        }
    }
    out[o] = '\0';
    return 0;
}

static void render_page(const char *who)
{
    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Welcome</title></head>\n<body>\n");
    printf("<h1>Hello, %s!</h1>\n", who);
    printf("<p>Thanks for stopping by.</p>\n</body></html>\n");
}

int main(void)
{
    const char *query = getenv("QUERY_STRING");
    char name[FIELD_MAX];
    char html[HTML_MAX];

    if (query == NULL || get_param(query, "name", name, sizeof name) < 0)
        snprintf(name, sizeof name, "%s", "stranger");
    if (escape_html(name, html, sizeof html) < 0)
        snprintf(html, sizeof html, "%s", "stranger");
    render_page(html);
    return 0;
}
