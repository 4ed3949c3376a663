/* CGI program that parses QUERY_STRING and renders a greeting page for the given name and lang. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAMS 16

struct param {
    const char *key;
    const char *value;
};

struct query {
    char *buf;
    struct param params[MAX_PARAMS];
    size_t count;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void url_decode(char *s)
{
    char *out = s;
    while (*s != '\0') {
        if (*s == '+') {
            *out++ = ' ';
            s++;
        } else if (*s == '%' && hexval((unsigned char)s[1]) >= 0 && hexval((unsigned char)s[2]) >= 0) {
            *out++ = (char)(hexval((unsigned char)s[1]) * 16 + hexval((unsigned char)s[2]));
            s += 3;
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

static void split_pair(char *token, struct param *p)
{
    char *eq = strchr(token, '=');
    *eq = '\0';
    url_decode(token);
    url_decode(eq + 1);
    p->key = token;
    p->value = eq + 1;
}

static int parse_query(const char *qs, struct query *q)
{
    q->count = 0;
    q->buf = strdup(qs);
    if (q->buf == NULL)
        return -1;
    char *save = NULL;
    for (char *tok = strtok_r(q->buf, "&", &save); tok != NULL && q->count < MAX_PARAMS;
         tok = strtok_r(NULL, "&", &save))
        split_pair(tok, &q->params[q->count++]);
    return 0;
}

static const char *query_get(const struct query *q, const char *key, const char *fallback)
{
    for (size_t i = 0; i < q->count; i++)
        if (strcmp(q->params[i].key, key) == 0)
            return q->params[i].value;
    return fallback;
}

static void print_html(const char *s)
{
    for (; *s != '\0'; s++) {
        switch (*s) {
        case '<': fputs("&lt;", stdout); break;
        case '>': fputs("&gt;", stdout); break;
        case '&': fputs("&amp;", stdout); break;
        case '"': fputs("&quot;", stdout); break;
        case '\'': fputs("&#39;", stdout); break;
        default: putchar(*s); break;
        }
    }
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    struct query q;
    if (parse_query(qs != NULL ? qs : "", &q) != 0) {
        fputs("Status: 500 Internal Server Error\r\n\r\n", stdout);
        return 1;
    }
    const char *name = query_get(&q, "name", "guest");
    const char *lang = query_get(&q, "lang", "en");
    const char *greeting = strcmp(lang, "fr") == 0 ? "Bonjour" :
                           strcmp(lang, "de") == 0 ? "Hallo" : "Hello";

    fputs("Content-Type: text/html; charset=utf-8\r\n\r\n", stdout);
    fputs("<!DOCTYPE html>\n<html><body>\n<h1>", stdout);
    fputs(greeting, stdout);
    fputs(", ", stdout);
    print_html(name);
    fputs("!</h1>\n<p>Parameters received: ", stdout);
    printf("%zu</p>\n</body></html>\n", q.count);
    free(q.buf);
    return 0;
}
