/* CGI program that shows a product search form pre-filled with the query from QUERY_STRING. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAM 256

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void url_decode(const char *src, size_t n, char *dst, size_t dstsz)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < dstsz; i++) {
        if (src[i] == '+') {
            dst[o++] = ' ';
        } else if (src[i] == '%' && i + 2 < n && hexval((unsigned char)src[i + 1]) >= 0 &&
                   hexval((unsigned char)src[i + 2]) >= 0) {
            dst[o++] = (char)(hexval((unsigned char)src[i + 1]) * 16 + hexval((unsigned char)src[i + 2]));
            i += 2;
        } else {
            dst[o++] = src[i];
        }
    }
    dst[o] = '\0';
}

static int get_param(const char *qs, const char *name, char *out, size_t outsz)
{
    size_t nlen = strlen(name);
    const char *p = qs;
    while (p && *p) {
        const char *amp = strchr(p, '&');
        size_t seg = amp ? (size_t)(amp - p) : strlen(p);
        if (seg > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            url_decode(p + nlen + 1, seg - nlen - 1, out, outsz);
            return 1;
        }
        p = amp ? amp + 1 : NULL;
    }
    out[0] = '\0';
    return 0;
}

static void emit_escaped(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out); break;
        }
    }
}

static void render_form(FILE *out, const char *query, const char *category)
{
    fputs("<form method=\"get\" action=\"/cgi-bin/search\">\n", out);
    fputs("  <input type=\"text\" name=\"q\" value=\"", out);
    emit_escaped(out, query);
    fputs("\">\n", out);
    fputs("  <select name=\"cat\">\n", out);
    const char *cats[] = { "all", "books", "music", "tools" };
    for (size_t i = 0; i < sizeof cats / sizeof cats[0]; i++) {
        fprintf(out, "    <option%s>%s</option>\n",
                strcmp(cats[i], category) == 0 ? " selected" : "", cats[i]);
    }
    fputs("  </select>\n  <button>Search</button>\n</form>\n", out);
}

static void render_results(FILE *out, const char *query)
{
    if (query[0] == '\0') {
        fputs("<p>Enter a search term.</p>\n", out);
        return;
    }
    fputs("<p>No products matched <b>", out);
    emit_escaped(out, query);
    fputs("</b>.</p>\n", out);
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    char query[MAX_PARAM];
    char category[MAX_PARAM];

    if (qs == NULL)
        qs = "";
    get_param(qs, "q", query, sizeof query);
    if (!get_param(qs, "cat", category, sizeof category))
        strcpy(category, "all");

    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Product search</title></head><body>\n");
    render_form(stdout, query, category);
    render_results(stdout, query);
    printf("</body></html>\n");
    return 0;
}
