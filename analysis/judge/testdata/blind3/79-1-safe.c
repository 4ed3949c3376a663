// CGI product search: echoes the query back into the search box and lists matching product names.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *products[] = {"red kettle", "blue kettle", "tea cups", "teapot", "coffee mill", NULL};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void get_param(const char *qs, const char *key, char *out, size_t cap)
{
    size_t klen = strlen(key), n = 0;
    const char *p = qs;
    out[0] = '\0';
    while (p && *p) {
        if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
            for (p += klen + 1; *p && *p != '&' && n + 1 < cap; p++) {
                if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
                    out[n++] = (char)(hexval(p[1]) * 16 + hexval(p[2]));
                    p += 2;
                } else {
                    out[n++] = (*p == '+') ? ' ' : *p;
                }
            }
            out[n] = '\0';
            return;
        }
        p = strchr(p, '&');
        if (p) p++;
    }
}

static void put_text(const char *s)
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
    char q[256];

    get_param(qs ? qs : "", "q", q, sizeof q);
    printf("Content-Type: text/html\r\n\r\n");
    printf("<html><body>\n<form action=\"search\"><input name=\"q\" value=\"");
    put_text(q);
    printf("\"><input type=\"submit\"></form>\n<ul>\n");
    for (int i = 0; products[i]; i++) {
        if (q[0] && !strstr(products[i], q))
            continue;
        printf("<li>");
        put_text(products[i]);
        printf("</li>\n");
    }
    printf("</ul></body></html>\n");
    return 0;
}
