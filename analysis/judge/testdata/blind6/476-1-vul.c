/* CGI program that renders a greeting page for the name and theme given in QUERY_STRING. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct page {
    char *name;
    char *theme;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static char *url_decode(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '+') {
            out[o++] = ' ';
        } else if (s[i] == '%' && i + 2 < len &&
                   hexval((unsigned char)s[i + 1]) >= 0 && hexval((unsigned char)s[i + 2]) >= 0) {
            out[o++] = (char)(hexval((unsigned char)s[i + 1]) * 16 + hexval((unsigned char)s[i + 2]));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    return out;
}

static char *query_param(const char *qs, const char *key)
{
    size_t klen = strlen(key);
    const char *p = qs;
    while (*p) {
        const char *amp = strchr(p, '&');
        size_t seglen = amp ? (size_t)(amp - p) : strlen(p);
        const char *eq = memchr(p, '=', seglen);
        size_t namelen = eq ? (size_t)(eq - p) : seglen;
        if (namelen == klen && strncmp(p, key, klen) == 0) {
            if (!eq)
                return url_decode("", 0);
            return url_decode(eq + 1, seglen - namelen - 1);
        }
        if (!amp)
            break;
        p = amp + 1;
    }
    return NULL;
}

static void put_html(const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", stdout); break;
        case '<': fputs("&lt;", stdout); break;
        case '>': fputs("&gt;", stdout); break;
        case '"': fputs("&quot;", stdout); break;
        case '\'': fputs("&#39;", stdout); break;
        default: putchar(*s);
        }
    }
}

static const char *theme_class(const char *theme)
{
    static const char *const known[] = { "light", "dark", "solarized", "contrast" };
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (strcmp(theme, known[i]) == 0)
            return known[i];
    return "light";
}

static int load_page(struct page *pg, const char *qs)
{
    pg->name = query_param(qs, "name");
    pg->theme = query_param(qs, "theme");
    if (!pg->name) {
        pg->name = strdup("guest");
        if (!pg->name)
            return -1;
    }
    for (char *c = pg->name; *c; c++)
        if (iscntrl((unsigned char)*c))
            *c = ' ';
    return 0;
}

static void render(const struct page *pg)
{
    fputs("Content-Type: text/html; charset=utf-8\r\n\r\n", stdout);
    fputs("<!DOCTYPE html>\n<html><head><title>Welcome</title></head>\n", stdout);
    printf("<body class=\"theme-%s\">\n<h1>Hello, ", theme_class(pg->theme));
    put_html(pg->name);
    fputs("!</h1>\n<p>Your theme preference: ", stdout);
    put_html(pg->theme);
    fputs("</p>\n</body></html>\n", stdout);
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    if (!qs)
        qs = "";
    struct page pg = { NULL, NULL };
    if (load_page(&pg, qs) != 0) {
        fputs("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nout of memory\n", stdout);
        free(pg.name);
        free(pg.theme);
        return 1;
    }
    render(&pg);
    free(pg.name);
    free(pg.theme);
    return 0;
}
