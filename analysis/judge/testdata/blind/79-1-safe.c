/* Guestbook CGI: greets the visitor named in the query string and shows their message. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(int c)
{
    if (isdigit(c)) return c - '0';
    c = tolower(c);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

static void url_decode(char *dst, const char *src, size_t cap)
{
    size_t o = 0;
    while (*src && *src != '&' && o + 1 < cap) {
        if (*src == '%' && hexval((unsigned char)src[1]) >= 0 && hexval((unsigned char)src[2]) >= 0) {
            dst[o++] = (char)(hexval((unsigned char)src[1]) * 16 + hexval((unsigned char)src[2]));
            src += 3;
        } else {
            dst[o++] = (*src == '+') ? ' ' : *src;
            src++;
        }
    }
    dst[o] = '\0';
}

static int get_param(const char *qs, const char *key, char *out, size_t cap)
{
    size_t klen = strlen(key);
    for (const char *p = qs; p && *p; p = strchr(p, '&') ? strchr(p, '&') + 1 : NULL) {
        if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
            url_decode(out, p + klen + 1, cap);
            return 1;
        }
    }
    return 0;
}

static void emit_text(const char *s)
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
    char name[128] = "guest", msg[512] = "";
    if (qs) {
        get_param(qs, "name", name, sizeof name);
        get_param(qs, "msg", msg, sizeof msg);
    }
    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<html><body><h1>Hello, ");
    emit_text(name);
    printf("!</h1>\n<blockquote>");
    emit_text(msg);
    printf("</blockquote></body></html>\n");
    return 0;
}
