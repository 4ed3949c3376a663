/* CGI program that shows a library catalogue search form pre-filled with the user's last query. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELD 256

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Decodes an application/x-www-form-urlencoded value into out (size outsz). */
static void url_decode(const char *in, size_t inlen, char *out, size_t outsz)
{
    size_t o = 0;
    for (size_t i = 0; i < inlen && o + 1 < outsz; i++) {
        if (in[i] == '+') {
            out[o++] = ' ';
        } else if (in[i] == '%' && i + 2 < inlen && hexval((unsigned char)in[i + 1]) >= 0 &&
                   hexval((unsigned char)in[i + 2]) >= 0) {
            out[o++] = (char)(hexval((unsigned char)in[i + 1]) * 16 + hexval((unsigned char)in[i + 2]));
            i += 2;
        } else {
            out[o++] = in[i];
        }
    }
    out[o] = '\0';
}

/* Finds name in the query string and decodes its value; returns 1 if found. */
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

static void put_escaped(const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", stdout); break;
        case '>': fputs("&gt;", stdout); break;
        case '&': fputs("&amp;", stdout); break;
        default: putchar(*s); break;
        }
    }
}

struct search_form {
    char query[MAX_FIELD];
    char field[MAX_FIELD];
};

static void render_form(const struct search_form *f)
{
    printf("<form method=\"get\" action=\"/cgi-bin/catalogue\">\n");
    printf("  <input type=\"text\" name=\"q\" value=\"");
    put_escaped(f->query);
    printf("\">\n");
    printf("  <select name=\"field\">\n");
    static const char *fields[] = { "title", "author", "isbn" };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        printf("    <option%s>%s</option>\n",
               strcmp(fields[i], f->field) == 0 ? " selected" : "", fields[i]);
    }
    printf("  </select>\n  <button>Search</button>\n</form>\n");
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    struct search_form form;

    if (qs == NULL)
        qs = "";
    get_param(qs, "q", form.query, sizeof form.query);
    if (!get_param(qs, "field", form.field, sizeof form.field))
        snprintf(form.field, sizeof form.field, "%s", "title");

    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Catalogue search</title></head><body>\n");
    printf("<h1>Catalogue search</h1>\n");
    render_form(&form);
    if (form.query[0] != '\0') {
        printf("<p>Showing results for: <b>");
        put_escaped(form.query);
        printf("</b></p>\n");
    }
    printf("</body></html>\n");
    return 0;
}
