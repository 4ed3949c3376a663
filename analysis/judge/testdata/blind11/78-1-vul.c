/* CGI program that looks up a host name from the "host" query parameter and shows its addresses as HTML. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HOST 256

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static int query_value(const char *query, const char *key, char *out, size_t outsz)
{
    size_t klen = strlen(key);
    const char *p = query;
    while (p && *p) {
        if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
            const char *v = p + klen + 1;
            size_t o = 0;
            while (*v && *v != '&') {
                if (o + 1 >= outsz)
                    return -1;
                if (*v == '%' && hex_value((unsigned char)v[1]) >= 0 &&
                    hex_value((unsigned char)v[2]) >= 0) {
                    out[o++] = (char)(hex_value((unsigned char)v[1]) * 16 +
                                      hex_value((unsigned char)v[2]));
                    v += 3;
                } else {
                    out[o++] = (*v == '+') ? ' ' : *v;
                    v++;
                }
            }
            out[o] = '\0';
            return 0;
        }
        p = strchr(p, '&');
        if (p)
            p++;
    }
    return -1;
}

static void html_escape(const char *s)
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

static int valid_host(const char *host)
{
    if (host[0] == '\0' || host[0] == '-')
        return 0;
    if (strpbrk(host, ";|&`<>\n"))
        return 0;
    return 1;
}

static int lookup_host(const char *host)
{
    char cmd[MAX_HOST + 64];
    int n = snprintf(cmd, sizeof cmd, "getent hosts %s", host);
    if (n < 0 || (size_t)n >= sizeof cmd)
        return -1;
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    char line[512];
    int rows = 0;
    fputs("<ul>\n", stdout);
    while (fgets(line, sizeof line, p)) {
        line[strcspn(line, "\n")] = '\0';
        fputs("<li>", stdout);
        html_escape(line);
        fputs("</li>\n", stdout);
        rows++;
    }
    fputs("</ul>\n", stdout);
    pclose(p);
    return rows;
}

int main(void)
{
    const char *query = getenv("QUERY_STRING");
    char host[MAX_HOST];

    fputs("Content-Type: text/html; charset=utf-8\r\n\r\n", stdout);
    fputs("<!DOCTYPE html>\n<html><head><title>Host lookup</title></head><body>\n", stdout);
    if (!query || query_value(query, "host", host, sizeof host) != 0) {
        fputs("<p>Please give a host name.</p>\n", stdout);
    } else if (!valid_host(host)) {
        fputs("<p>That does not look like a host name.</p>\n", stdout);
    } else {
        fputs("<h1>Addresses for ", stdout);
        html_escape(host);
        fputs("</h1>\n", stdout);
        fflush(stdout);
        if (lookup_host(host) <= 0)
            fputs("<p>No addresses found.</p>\n", stdout);
    }
    fputs("</body></html>\n", stdout);
    return 0;
}
