/* CGI search page that shows the search form pre-filled with the current query. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexdig(int c)
{
    return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* Copies the decoded value of key from a query string into out; returns 0 if found. */
static int get_param(const char *qs, const char *key, char *out, size_t outsz)
{
    size_t klen = strlen(key), n = 0;
    const char *p = qs;

    while (p && *p) {
        if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
            for (p += klen + 1; *p && *p != '&' && n + 1 < outsz; p++) {
                if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
                    out[n++] = (char)(hexdig((unsigned char)p[1]) * 16 + hexdig((unsigned char)p[2]));
                    p += 2;
                } else {
                    out[n++] = *p == '+' ? ' ' : *p;
                }
            }
            out[n] = '\0';
            return 0;
        }
        p = strchr(p, '&');
        if (p)
            p++;
    }
    out[0] = '\0';
    return -1;
}

static void put_text(const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", stdout); break;
        case '>': fputs("&gt;", stdout); break;
        case '&': fputs("&amp;", stdout); break;
        default: putchar(*s);
        }
    }
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    char q[512];

    get_param(qs ? qs : "", "q", q, sizeof q);
    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Search</title></head><body>\n");
    printf("<form action=\"/cgi-bin/search\" method=\"get\">\n");
    printf("  <input type=\"text\" name=\"q\" value=\"");
    put_text(q);
    printf("\">\n  <button>Search</button>\n</form>\n");
    if (q[0]) {
        printf("<p>No documents matched <b>");
        put_text(q);
        printf("</b>.</p>\n");
    }
    printf("</body></html>\n");
    return 0;
}
