/* CGI program that renders a greeting card page from the name and message in QUERY_STRING. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 32
#define MSG_MAX_LEN 128

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

static const char *find_param(const char *qs, const char *key)
{
    size_t klen = strlen(key);
    const char *p = qs;
    while (p && *p) {
        if (strncmp(p, key, klen) == 0 && p[klen] == '=')
            return p + klen + 1;
        p = strchr(p, '&');
        if (p)
            p++;
    }
    return NULL;
}

static int get_param(const char *qs, const char *key, char *out, size_t outsz)
{
    const char *v = find_param(qs, key);
    size_t n = 0;

    if (!v || outsz == 0)
        return -1;
    while (*v && *v != '&' && n < outsz) {
        if (*v == '+') {
            out[n++] = ' ';
            v++;
        } else if (*v == '%' && hexval(v[1]) >= 0 && hexval(v[2]) >= 0) {
            out[n++] = (char)(hexval(v[1]) * 16 + hexval(v[2]));
            v += 3;
        } else {
            out[n++] = *v++;
        }
    }
    out[n] = '\0';
    return (int)n;
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

static void render_card(const char *qs)
{
    char name[NAME_MAX_LEN];
    char message[MSG_MAX_LEN];

    if (get_param(qs, "name", name, sizeof name) <= 0)
        snprintf(name, sizeof name, "friend");
    if (get_param(qs, "msg", message, sizeof message) < 0)
        message[0] = '\0';

    fputs("Content-Type: text/html; charset=utf-8\r\n\r\n", stdout);
    fputs("<!DOCTYPE html>\n<html><head><title>Card</title></head><body>\n", stdout);
    fputs("<h1>Hello, ", stdout);
    put_html(name);
    fputs("!</h1>\n<p>", stdout);
    put_html(message);
    fputs("</p>\n</body></html>\n", stdout);
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    const char *method = getenv("REQUEST_METHOD");

    if (method && strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        fputs("Status: 405 Method Not Allowed\r\nContent-Type: text/plain\r\n\r\n", stdout);
        return 0;
    }
    render_card(qs ? qs : "");
    return 0;
}
