/* CGI program that echoes the decoded QUERY_STRING parameters back as an HTML table. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAMS 32

struct param {
    char *name;
    char *value;
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

static void url_decode(char *s)
{
    char *out = s;
    while (*s) {
        if (*s == '+') {
            *out++ = ' ';
            s++;
        } else if (*s == '%' && hexval((unsigned char)s[1]) >= 0 &&
                   hexval((unsigned char)s[2]) >= 0) {
            *out++ = (char)(hexval((unsigned char)s[1]) * 16 + hexval((unsigned char)s[2]));
            s += 3;
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

static size_t parse_query(char *qs, struct param *params, size_t max)
{
    size_t n = 0;
    char *save = NULL;
    for (char *tok = strtok_r(qs, "&", &save); tok && n < max;
         tok = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(tok, '=');
        if (eq) {
            *eq = '\0';
            params[n].value = eq + 1;
            url_decode(params[n].value);
        } else {
            params[n].value = NULL;
        }
        params[n].name = tok;
        url_decode(params[n].name);
        n++;
    }
    return n;
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
        default: putchar(*s); break;
        }
    }
}

static void render(const struct param *params, size_t n)
{
    fputs("Content-Type: text/html\r\n\r\n", stdout);
    fputs("<html><body><table>\n", stdout);
    for (size_t i = 0; i < n; i++) {
        fputs("<tr><td>", stdout);
        put_html(params[i].name);
        fputs("</td><td>", stdout);
        if (params[i].value)
            put_html(params[i].value);
        else
            fputs("<em>(flag)</em>", stdout);
        fputs("</td></tr>\n", stdout);
    }
    fputs("</table></body></html>\n", stdout);
}

int main(void)
{
    const char *env = getenv("QUERY_STRING");
    if (!env)
        env = "";
    char *qs = strdup(env);
    if (!qs) {
        fputs("Status: 500\r\n\r\n", stdout);
        return 1;
    }
    struct param params[MAX_PARAMS];
    size_t n = parse_query(qs, params, MAX_PARAMS);
    render(params, n);
    free(qs);
    return 0;
}
