/* CGI search page: reads q and page from QUERY_STRING and renders a search form with the previous query. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAM 512

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Decodes application/x-www-form-urlencoded text into out (size outsz). */
static void url_decode(const char *in, size_t len, char *out, size_t outsz)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o + 1 < outsz; i++) {
        if (in[i] == '+') {
            out[o++] = ' ';
        } else if (in[i] == '%' && i + 2 < len && hexval(in[i + 1]) >= 0 && hexval(in[i + 2]) >= 0) {
            out[o++] = (char)(hexval(in[i + 1]) * 16 + hexval(in[i + 2]));
            i += 2;
        } else {
            out[o++] = in[i];
        }
    }
    out[o] = '\0';
}

/* Finds parameter name in the query string and decodes its value. Returns 1 if found. */
static int get_param(const char *qs, const char *name, char *out, size_t outsz)
{
    size_t nlen = strlen(name);
    const char *p = qs;
    while (p && *p) {
        const char *end = strchr(p, '&');
        size_t seglen = end ? (size_t)(end - p) : strlen(p);
        if (seglen > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            url_decode(p + nlen + 1, seglen - nlen - 1, out, outsz);
            return 1;
        }
        p = end ? end + 1 : NULL;
    }
    out[0] = '\0';
    return 0;
}

static void put_escaped(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        default: fputc(*s, out); break;
        }
    }
}

static void render_form(FILE *out, const char *query, long page)
{
    fputs("<form method=\"get\" action=\"/cgi-bin/search\">\n", out);
    fputs("  <input type=\"text\" name=\"q\" value=\"", out);
    put_escaped(out, query);
    fputs("\">\n", out);
    fprintf(out, "  <input type=\"hidden\" name=\"page\" value=\"%ld\">\n", page);
    fputs("  <button type=\"submit\">Search</button>\n</form>\n", out);
}

static void render_results(FILE *out, const char *query, long page)
{
    if (query[0] == '\0') {
        fputs("<p>Enter a search term.</p>\n", out);
        return;
    }
    fputs("<h2>Results for ", out);
    put_escaped(out, query);
    fprintf(out, " (page %ld)</h2>\n<p>No documents matched.</p>\n", page);
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    char query[MAX_PARAM];
    char pagebuf[32];
    long page = 1;

    if (qs == NULL)
        qs = "";
    get_param(qs, "q", query, sizeof query);
    if (get_param(qs, "page", pagebuf, sizeof pagebuf)) {
        char *end;
        long v = strtol(pagebuf, &end, 10);
        if (*end == '\0' && v > 0 && v < 10000)
            page = v;
    }

    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Search</title></head><body>\n");
    render_form(stdout, query, page);
    render_results(stdout, query, page);
    printf("</body></html>\n");
    return 0;
}
