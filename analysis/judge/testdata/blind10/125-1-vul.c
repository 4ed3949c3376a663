/* CGI program that prints a greeting page for the name and city given in the query string. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct params {
    char *name;
    char *city;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static char *url_decode(const char *s)
{
    char *out = malloc(strlen(s) + 1);
    char *o = out;

    if (!out)
        return NULL;
    while (*s) {
        if (*s == '+') {
            *o++ = ' ';
            s++;
        } else if (*s == '%') {
            int hi = hexval((unsigned char)s[1]);
            int lo = hexval((unsigned char)s[2]);
            if (hi >= 0 && lo >= 0)
                *o++ = (char)(hi * 16 + lo);
            else
                *o++ = '?';
            s += 3;
        } else {
            *o++ = *s++;
        }
    }
    *o = '\0';
    return out;
}

static void print_escaped(const char *s)
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

static void parse_query(char *qs, struct params *p)
{
    char *save = NULL;

    for (char *tok = strtok_r(qs, "&", &save); tok; tok = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(tok, '=');
        char **slot = NULL;

        if (!eq)
            continue;
        *eq = '\0';
        if (strcmp(tok, "name") == 0)
            slot = &p->name;
        else if (strcmp(tok, "city") == 0)
            slot = &p->city;
        if (slot) {
            free(*slot);
            *slot = url_decode(eq + 1);
        }
    }
}

int main(void)
{
    const char *env = getenv("QUERY_STRING");
    struct params p = { NULL, NULL };
    char *qs = strdup(env ? env : "");

    if (!qs) {
        fputs("Status: 500 Internal Server Error\r\n\r\n", stdout);
        return 1;
    }
    parse_query(qs, &p);
    fputs("Content-Type: text/html; charset=utf-8\r\n\r\n", stdout);
    fputs("<!DOCTYPE html>\n<html><body>\n<h1>Hello, ", stdout);
    print_escaped(p.name ? p.name : "stranger");
    fputs("!</h1>\n", stdout);
    if (p.city) {
        fputs("<p>Greetings to everyone in ", stdout);
        print_escaped(p.city);
        fputs(".</p>\n", stdout);
    }
    fputs("</body></html>\n", stdout);
    free(p.name);
    free(p.city);
    free(qs);
    return 0;
}
