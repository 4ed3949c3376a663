/* CGI program that echoes the search term from QUERY_STRING back on an HTML results page. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
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

static char *url_decode(const char *src, size_t n)
{
    char *out = malloc(n + 1);
    if (out == NULL)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '+') {
            out[j++] = ' ';
        } else if (src[i] == '%' && i + 2 < n &&
                   hex_value(src[i + 1]) >= 0 && hex_value(src[i + 2]) >= 0) {
            out[j++] = (char)(hex_value(src[i + 1]) * 16 + hex_value(src[i + 2]));
            i += 2;
        } else {
            out[j++] = src[i];
        }
    }
    out[j] = '\0';
    return out;
}

static char *get_param(const char *query, const char *name)
{
    size_t name_len = strlen(name);
    const char *p = query;
    while (*p) {
        const char *end = strchr(p, '&');
        size_t seg = end ? (size_t)(end - p) : strlen(p);
        if (seg > name_len && strncmp(p, name, name_len) == 0 && p[name_len] == '=')
            return url_decode(p + name_len + 1, seg - name_len - 1);
        if (end == NULL)
            break;
        p = end + 1;
    }
    return NULL;
}

static char *escape_html(const char *s)
{
    size_t len = strlen(s);
    if (len > (SIZE_MAX - 1) / 5)
        return NULL;
    char *out = malloc(len * 5 + 1);
    if (out == NULL)
        return NULL;
    char *w = out;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: break;
        }
        if (rep) {
            size_t r = strlen(rep);
            memcpy(w, rep, r);
            w += r;
        } else {
            *w++ = *s;
        }
    }
    *w = '\0';
    return out;
}

static void render_page(const char *term_html)
{
    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Search</title></head><body>\n");
    printf("<form method=\"get\"><input name=\"q\" value=\"%s\"><button>Search</button></form>\n",
           term_html);
    printf("<p>No results for <b>%s</b>.</p>\n</body></html>\n", term_html);
}

int main(void)
{
    const char *query = getenv("QUERY_STRING");
    if (query == NULL)
        query = "";
    char *term = get_param(query, "q");
    char *html = escape_html(term ? term : "");
    free(term);
    if (html == NULL) {
        printf("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nerror\n");
        return 1;
    }
    render_page(html);
    free(html);
    return 0;
}
