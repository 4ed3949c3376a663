/* CGI program that shows a guestbook preview page for the name and message given in QUERY_STRING. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static char *url_decode(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '+') {
            out[j++] = ' ';
        } else if (s[i] == '%' && i + 2 < len && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out[j++] = (char)(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out[j++] = s[i];
        }
    }
    out[j] = '\0';
    return out;
}

static char *query_param(const char *qs, const char *key)
{
    size_t klen = strlen(key);
    const char *p = qs;
    while (*p) {
        const char *amp = strchr(p, '&');
        size_t plen = amp ? (size_t)(amp - p) : strlen(p);
        if (plen > klen && strncmp(p, key, klen) == 0 && p[klen] == '=')
            return url_decode(p + klen + 1, plen - klen - 1);
        if (!amp)
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

static size_t escaped_size(const char *s)
{
    size_t n = 1;
    for (; *s; s++) {
        switch (*s) {
        case '<':
        case '>':
        case '&':
            n += 4;
            break;
        case '"':
            n += 6;
            break;
        case '\'':
            n += 5;
            break;
        default:
            n += 1;
        }
    }
    return n;
}

static char *escape_html(const char *s)
{
    char *out = malloc(escaped_size(s));
    if (!out)
        return NULL;
    char *w = out;
    for (; *s; s++) {
        const char *ent = entity_for(*s);
        if (ent) {
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

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    if (!qs)
        qs = "";
    char *name = query_param(qs, "name");
    char *msg = query_param(qs, "msg");
    char *ename = escape_html(name ? name : "anonymous");
    char *emsg = escape_html(msg ? msg : "");
    if (!ename || !emsg) {
        printf("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nout of memory\n");
        free(name); free(msg); free(ename); free(emsg);
        return 1;
    }
    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Guestbook preview</title></head><body>\n");
    printf("<h1>Preview</h1>\n<p class=\"author\">From: %s</p>\n<blockquote>%s</blockquote>\n", ename, emsg);
    printf("</body></html>\n");
    free(name);
    free(msg);
    free(ename);
    free(emsg);
    return 0;
}
