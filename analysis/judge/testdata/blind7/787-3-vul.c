/* CGI search page: decodes the q parameter from QUERY_STRING and echoes it back as HTML. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static char *url_decode(const char *src, size_t len)
{
    char *out = malloc(len + 1);
    if (out == NULL)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '+') {
            out[o++] = ' ';
        } else if (src[i] == '%' && i + 2 < len &&
                   hex_value((unsigned char)src[i + 1]) >= 0 &&
                   hex_value((unsigned char)src[i + 2]) >= 0) {
            out[o++] = (char)(hex_value((unsigned char)src[i + 1]) * 16 +
                              hex_value((unsigned char)src[i + 2]));
            i += 2;
        } else {
            out[o++] = src[i];
        }
    }
    out[o] = '\0';
    return out;
}

static char *query_param(const char *query, const char *name)
{
    size_t nlen = strlen(name);
    const char *p = query;
    while (*p) {
        const char *amp = strchr(p, '&');
        size_t seglen = amp ? (size_t)(amp - p) : strlen(p);
        if (seglen > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=')
            return url_decode(p + nlen + 1, seglen - nlen - 1);
        if (amp == NULL)
            break;
        p = amp + 1;
    }
    return NULL;
}

static const char *entity_for(char c)
{
    switch (c) {
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '&': return "&amp;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

static char *escape_html(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(len * 5 + 1);
    if (out == NULL)
        return NULL;
    char *w = out;
    for (; *s; s++) {
        const char *ent = entity_for(*s);
        if (ent != NULL) {
            size_t elen = strlen(ent);
            memcpy(w, ent, elen);
            w += elen;
        } else {
            *w++ = *s;
        }
    }
    *w = '\0';
    return out;
}

static void render_page(const char *term)
{
    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Search</title></head><body>\n");
    printf("<form method=\"get\"><input name=\"q\" value=\"%s\"><button>Go</button></form>\n", term);
    if (*term)
        printf("<p>No results for <b>%s</b>.</p>\n", term);
    printf("</body></html>\n");
}

int main(void)
{
    const char *query = getenv("QUERY_STRING");
    char *raw = query ? query_param(query, "q") : NULL;
    char *term = escape_html(raw ? raw : "");
    free(raw);
    if (term == NULL) {
        printf("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nout of memory\n");
        return 1;
    }
    render_page(term);
    free(term);
    return 0;
}
