/* CGI program that renders a titled list page from the fields of QUERY_STRING. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct param {
    char *name;
    char *value;
};

struct param_list {
    struct param *v;
    size_t n;
    size_t cap;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    return tolower(c) - 'a' + 10;
}

static char *url_decode(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    size_t i, o = 0;

    if (!out)
        return NULL;
    for (i = 0; i < len; i++) {
        if (s[i] == '+') {
            out[o++] = ' ';
        } else if (s[i] == '%' && i + 2 < len &&
                   isxdigit((unsigned char)s[i + 1]) && isxdigit((unsigned char)s[i + 2])) {
            out[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    return out;
}

static struct param *params_add(struct param_list *pl, char *name, char *value)
{
    if (pl->n == pl->cap) {
        size_t ncap = pl->cap ? pl->cap * 2 : 4;
        struct param *nv = realloc(pl->v, ncap * sizeof *nv);
        if (!nv)
            return NULL;
        pl->v = nv;
        pl->cap = ncap;
    }
    pl->v[pl->n].name = name;
    pl->v[pl->n].value = value;
    return &pl->v[pl->n++];
}

static void params_free(struct param_list *pl)
{
    size_t i;
    for (i = 0; i < pl->n; i++) {
        free(pl->v[i].name);
        free(pl->v[i].value);
    }
    free(pl->v);
}

static int parse_query(const char *qs, struct param_list *pl, size_t *title)
{
    while (*qs) {
        size_t len = strcspn(qs, "&");
        const char *eq = memchr(qs, '=', len);
        if (eq && eq != qs) {
            char *name = url_decode(qs, (size_t)(eq - qs));
            char *value = url_decode(eq + 1, len - (size_t)(eq - qs) - 1);
            struct param *p = NULL;
            if (name && value)
                p = params_add(pl, name, value);
            if (!p) {
                free(name);
                free(value);
                return -1;
            }
            if (strcmp(name, "title") == 0)
                *title = pl->n - 1;
        }
        qs += len;
        if (*qs == '&')
            qs++;
    }
    return 0;
}

static void put_html(const char *s)
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
    const char *qs = getenv("QUERY_STRING");
    struct param_list pl = { NULL, 0, 0 };
    size_t title = (size_t)-1;
    size_t i;

    if (!qs)
        qs = "";
    if (parse_query(qs, &pl, &title) < 0) {
        params_free(&pl);
        fputs("Status: 500\r\nContent-Type: text/plain\r\n\r\nout of memory\n", stdout);
        return 1;
    }
    fputs("Content-Type: text/html; charset=utf-8\r\n\r\n", stdout);
    fputs("<html><body>\n<h1>", stdout);
    put_html(title < pl.n ? pl.v[title].value : "Untitled");
    fputs("</h1>\n<ul>\n", stdout);
    for (i = 0; i < pl.n; i++) {
        if (strcmp(pl.v[i].name, "item") != 0)
            continue;
        fputs("<li>", stdout);
        put_html(pl.v[i].value);
        fputs("</li>\n", stdout);
    }
    fputs("</ul>\n</body></html>\n", stdout);
    params_free(&pl);
    return 0;
}
