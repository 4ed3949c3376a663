/* CGI program that shows a preview page for a comment passed in the query string. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    return c - 'a' + 10;
}

/* Decodes a form-urlencoded value of n bytes; returns a new string. */
static char *url_decode(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '+') {
            out[o++] = ' ';
        } else if (s[i] == '%' && i + 2 < n &&
                   isxdigit((unsigned char)s[i + 1]) && isxdigit((unsigned char)s[i + 2])) {
            out[o++] = (char)(hexval((unsigned char)s[i + 1]) * 16 + hexval((unsigned char)s[i + 2]));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    return out;
}

static char *get_param(const char *query, const char *name)
{
    size_t nlen = strlen(name);
    const char *p = query;
    while (p && *p) {
        const char *end = strchr(p, '&');
        size_t seglen = end ? (size_t)(end - p) : strlen(p);
        if (seglen > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=')
            return url_decode(p + nlen + 1, seglen - nlen - 1);
        p = end ? end + 1 : NULL;
    }
    return NULL;
}

static char *escape_html(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(len * 6 + 1);
    if (!out)
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
        }
        if (rep) {
            size_t rl = strlen(rep);
            memcpy(w, rep, rl);
            w += rl;
        } else {
            *w++ = *s;
        }
    }
    *w = '\0';
    return out;
}

int main(void)
{
    const char *query = getenv("QUERY_STRING");
    if (!query)
        query = "";

    char *author = get_param(query, "author");
    char *comment = get_param(query, "comment");
    char *author_html = escape_html(author ? author : "anonymous");
    char *comment_html = escape_html(comment ? comment : "");

    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    if (!author_html || !comment_html) {
        printf("<html><body><p>Server error</p></body></html>\n");
    } else {
        printf("<html><head><title>Preview</title></head><body>\n");
        printf("<h1>Comment preview</h1>\n");
        printf("<p class=\"author\">%s wrote:</p>\n", author_html);
        printf("<blockquote>%s</blockquote>\n", comment_html);
        printf("<form method=\"post\" action=\"/cgi-bin/post\">"
               "<input type=\"hidden\" name=\"comment\" value=\"%s\">"
               "<button>Publish</button></form>\n", comment_html);
        printf("</body></html>\n");
    }
    free(author);
    free(comment);
    free(author_html);
    free(comment_html);
    return 0;
}
