/* CGI program that shows a search form pre-filled with the submitted search terms. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define MAX_QUERY 200

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Decodes application/x-www-form-urlencoded text in place. */
static void url_decode(char *s)
{
    char *out = s;
    for (const char *p = s; *p; ++p) {
        if (*p == '+') {
            *out++ = ' ';
        } else if (*p == '%' && hexval((unsigned char)p[1]) >= 0 && hexval((unsigned char)p[2]) >= 0) {
            *out++ = (char)(hexval((unsigned char)p[1]) * 16 + hexval((unsigned char)p[2]));
            p += 2;
        } else {
            *out++ = *p;
        }
    }
    *out = '\0';
}

/* Copies the value of parameter `name` from query string `qs` into a new string. */
static char *get_param(const char *qs, const char *name)
{
    size_t nlen = strlen(name);
    const char *p = qs;
    while (p && *p) {
        const char *end = strchr(p, '&');
        size_t flen = end ? (size_t)(end - p) : strlen(p);
        if (flen > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            size_t vlen = flen - nlen - 1;
            char *v = malloc(vlen + 1);
            if (!v)
                return NULL;
            memcpy(v, p + nlen + 1, vlen);
            v[vlen] = '\0';
            url_decode(v);
            return v;
        }
        p = end ? end + 1 : NULL;
    }
    return NULL;
}

static void escape_html(char *dst, size_t cap, const char *src)
{
    size_t o = 0;
    if (cap == 0)
        return;
    for (; *src; ++src) {
        const char *rep = NULL;
        switch (*src) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        }
        size_t rl = rep ? strlen(rep) : 1;
        if (o + 1 >= cap)
            break;
        if (rep) {
            memcpy(dst + o, rep, rl);
            o += rl;
        } else {
            dst[o++] = *src;
        }
    }
    dst[o] = '\0';
}

static void render_page(const char *terms)
{
    char shown[256];
    escape_html(shown, sizeof shown, terms);
    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Search</title></head><body>\n");
    printf("<form method=\"get\" action=\"search.cgi\">\n");
    printf("<input type=\"text\" name=\"q\" value=\"%s\">\n", shown);
    printf("<button type=\"submit\">Search</button>\n</form>\n");
    if (*terms)
        printf("<p>No results for <b>%s</b>.</p>\n", shown);
    printf("</body></html>\n");
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    if (!qs)
        qs = "";
    if (strlen(qs) > MAX_QUERY) {
        printf("Status: 414 URI Too Long\r\nContent-Type: text/plain\r\n\r\nquery too long\n");
        return 0;
    }
    char *terms = get_param(qs, "q");
    render_page(terms ? terms : "");
    free(terms);
    return 0;
}
