/* CGI program that renders a greeting page from the name, lang and theme query parameters. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define MAX_PARAMS 16

struct param {
    char *key;
    char *value;
};

struct query {
    struct param items[MAX_PARAMS];
    size_t count;
    char *storage;
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
    while (*s) {
        if (*s == '%' && hexval((unsigned char)s[1]) >= 0 && hexval((unsigned char)s[2]) >= 0) {
            *out++ = (char)(hexval((unsigned char)s[1]) * 16 + hexval((unsigned char)s[2]));
            s += 3;
        } else if (*s == '+') {
            *out++ = ' ';
            s++;
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

static int parse_query(struct query *q, const char *qs)
{
    q->count = 0;
    q->storage = strdup(qs);
    if (!q->storage)
        return -1;
    char *save = NULL;
    for (char *tok = strtok_r(q->storage, "&", &save); tok && q->count < MAX_PARAMS;
         tok = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(tok, '=');
        if (!eq)
            continue;
        *eq = '\0';
        url_decode(tok);
        url_decode(eq + 1);
        q->items[q->count].key = tok;
        q->items[q->count].value = eq + 1;
        q->count++;
    }
    return 0;
}

static const char *get_param(const struct query *q, const char *key)
{
    for (size_t i = 0; i < q->count; i++)
        if (strcmp(q->items[i].key, key) == 0)
            return q->items[i].value;
    return NULL;
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

static const char *greeting_for(const char *lang)
{
    if (strncmp(lang, "fr", 2) == 0) return "Bonjour";
    if (strncmp(lang, "de", 2) == 0) return "Hallo";
    if (strncmp(lang, "es", 2) == 0) return "Hola";
    return "Hello";
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    struct query q;
    if (parse_query(&q, qs ? qs : "") != 0) {
        fputs("Status: 500 Internal Server Error\r\n\r\n", stdout);
        return 1;
    }
    const char *name = get_param(&q, "name");
    const char *lang = get_param(&q, "lang");
    const char *theme = get_param(&q, "theme");
    if (!name || !*name)
        name = "guest";

    fputs("Content-Type: text/html; charset=utf-8\r\n\r\n", stdout);
    printf("<html><body class=\"%s\">\n", theme && strcmp(theme, "dark") == 0 ? "dark" : "light");
    printf("<h1>%s, ", greeting_for(lang));
    put_html(name);
    puts("!</h1>\n</body></html>");
    free(q.storage);
    return 0;
}
