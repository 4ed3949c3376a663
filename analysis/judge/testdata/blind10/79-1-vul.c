/* Guestbook CGI: reads a form POST from stdin and shows a preview of the entry with an edit form. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BODY 8192
#define FIELD_LEN 512

struct entry {
    char name[FIELD_LEN];
    char comment[FIELD_LEN];
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static void url_decode(const char *src, size_t len, char *dst, size_t dstsz)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o + 1 < dstsz; i++) {
        if (src[i] == '+') {
            dst[o++] = ' ';
        } else if (src[i] == '%' && i + 2 < len &&
                   hexval(src[i + 1]) >= 0 && hexval(src[i + 2]) >= 0) {
            dst[o++] = (char)(hexval(src[i + 1]) * 16 + hexval(src[i + 2]));
            i += 2;
        } else {
            dst[o++] = src[i];
        }
    }
    dst[o] = '\0';
}

static void get_field(const char *body, const char *key, char *out, size_t outsz)
{
    size_t klen = strlen(key);
    const char *p = body;
    out[0] = '\0';
    while (*p) {
        const char *end = strchr(p, '&');
        size_t seglen = end ? (size_t)(end - p) : strlen(p);
        if (seglen > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            url_decode(p + klen + 1, seglen - klen - 1, out, outsz);
            return;
        }
        if (!end) break;
        p = end + 1;
    }
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

static char *read_body(void)
{
    const char *cl = getenv("CONTENT_LENGTH");
    long n = cl ? strtol(cl, NULL, 10) : 0;
    if (n <= 0 || n > MAX_BODY) return NULL;
    char *buf = malloc((size_t)n + 1);
    if (!buf) return NULL;
    size_t got = fread(buf, 1, (size_t)n, stdin);
    buf[got] = '\0';
    return buf;
}

static void render_preview(const struct entry *e)
{
    printf("<h2>Preview</h2>\n<div class=\"entry\"><b>");
    put_escaped(e->name);
    printf("</b> wrote:<p>");
    put_escaped(e->comment);
    printf("</p></div>\n");
    printf("<form method=\"post\" action=\"guestbook.cgi\">\n");
    printf("<input type=\"text\" name=\"name\" value=\"");
    put_escaped(e->name);
    printf("\">\n<textarea name=\"comment\">");
    put_escaped(e->comment);
    printf("</textarea>\n<input type=\"submit\" value=\"Post\">\n</form>\n");
}

int main(void)
{
    struct entry e;
    char *body = read_body();

    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Guestbook</title></head><body>\n");
    if (!body) {
        printf("<p>Nothing was submitted.</p>\n</body></html>\n");
        return 0;
    }
    get_field(body, "name", e.name, sizeof e.name);
    get_field(body, "comment", e.comment, sizeof e.comment);
    free(body);
    if (e.name[0] == '\0')
        strcpy(e.name, "Anonymous");
    render_preview(&e);
    printf("</body></html>\n");
    return 0;
}
