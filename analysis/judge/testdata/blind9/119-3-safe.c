/* CGI program that echoes the "msg" and "from" query parameters back in an HTML guestbook preview. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIELD_MAX 64

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static size_t url_decode(char *out, size_t outsz, const char *in, size_t inlen)
{
    size_t i = 0, o = 0;
    while (i < inlen && o + 1 < outsz) {
        if (in[i] == '+') {
            out[o++] = ' ';
            i++;
        } else if (in[i] == '%' && i + 2 < inlen && hexval((unsigned char)in[i + 1]) >= 0 &&
                   hexval((unsigned char)in[i + 2]) >= 0) {
            out[o++] = (char)(hexval((unsigned char)in[i + 1]) * 16 + hexval((unsigned char)in[i + 2]));
            i += 3;
        } else {
            out[o++] = in[i++];
        }
    }
    out[o] = '\0';
    return o;
}

static int get_param(const char *query, const char *name, char *out, size_t outsz)
{
    size_t nlen = strlen(name);
    const char *p = query;
    while (*p) {
        const char *amp = strchr(p, '&');
        size_t seglen = amp ? (size_t)(amp - p) : strlen(p);
        if (seglen > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            url_decode(out, outsz, p + nlen + 1, seglen - nlen - 1);
            return 1;
        }
        if (!amp)
            break;
        p = amp + 1;
    }
    out[0] = '\0';
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
        default: putchar(*s); break;
        }
    }
}

static void render_preview(const char *from, const char *msg)
{
    fputs("Content-Type: text/html; charset=utf-8\r\n\r\n", stdout);
    fputs("<!DOCTYPE html>\n<html><head><title>Guestbook preview</title></head><body>\n", stdout);
    fputs("<h1>Preview</h1>\n<div class=\"entry\"><p class=\"from\">", stdout);
    put_html(*from ? from : "anonymous");
    fputs("</p>\n<blockquote>", stdout);
    put_html(msg);
    fputs("</blockquote></div>\n</body></html>\n", stdout);
}

int main(void)
{
    const char *query = getenv("QUERY_STRING");
    char from[FIELD_MAX];
    char msg[FIELD_MAX];

    if (!query)
        query = "";
    get_param(query, "from", from, sizeof(from));
    get_param(query, "msg", msg, sizeof(msg));
    render_preview(from, msg);
    return 0;
}
