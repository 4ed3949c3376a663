/* CGI program that renders a preview of a guestbook entry passed in the query string. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RAW_MAX 512
#define FIELD_MAX (RAW_MAX * 6)

struct entry {
    char name[FIELD_MAX];
    char message[FIELD_MAX];
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    return tolower(c) - 'a' + 10;
}

static void url_decode(char *s)
{
    char *out = s;
    while (*s) {
        if (*s == '+') {
            *out++ = ' ';
            s++;
        } else if (s[0] == '%' && isxdigit((unsigned char)s[1]) &&
                   isxdigit((unsigned char)s[2])) {
            *out++ = (char)(hexval((unsigned char)s[1]) * 16 +
                            hexval((unsigned char)s[2]));
            s += 3;
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

static int escape_html(const char *src, char *dst, size_t dstsz)
{
    size_t used = 0;
    for (; *src; src++) {
        char one[2] = { *src, '\0' };
        const char *rep;
        switch (*src) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: rep = one; break;
        }
        size_t n = strlen(rep);
        if (used + n >= dstsz) {
            dst[used] = '\0';
            return -1;
        }
        memcpy(dst + used, rep, n);
        used += n;
    }
    dst[used] = '\0';
    return 0;
}

static int query_param(const char *qs, const char *key, char *out, size_t outsz)
{
    size_t klen = strlen(key);
    const char *p = qs;
    while (*p) {
        const char *amp = strchr(p, '&');
        size_t seglen = amp ? (size_t)(amp - p) : strlen(p);
        if (seglen > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            size_t vlen = seglen - klen - 1;
            if (vlen >= outsz)
                vlen = outsz - 1;
            memcpy(out, p + klen + 1, vlen);
            out[vlen] = '\0';
            return 1;
        }
        if (!amp)
            break;
        p = amp + 1;
    }
    return 0;
}

static void load_field(const char *qs, const char *key, char *field, size_t fieldsz,
                       const char *fallback)
{
    char raw[RAW_MAX];
    if (!query_param(qs, key, raw, sizeof raw)) {
        snprintf(field, fieldsz, "%s", fallback);
        return;
    }
    escape_html(raw, field, fieldsz);
    url_decode(field);
}

static void load_entry(struct entry *e)
{
    const char *qs = getenv("QUERY_STRING");
    if (qs == NULL)
        qs = "";
    load_field(qs, "name", e->name, sizeof e->name, "Anonymous");
    load_field(qs, "message", e->message, sizeof e->message, "");
}

int main(void)
{
    static struct entry e;
    load_entry(&e);

    fputs("Content-Type: text/html; charset=utf-8\r\n\r\n", stdout);
    fputs("<!DOCTYPE html>\n<html><head><title>Guestbook preview</title></head>\n<body>\n", stdout);
    printf("<h2>Entry by %s</h2>\n", e.name);
    if (e.message[0] != '\0')
        printf("<blockquote>%s</blockquote>\n", e.message);
    else
        fputs("<p><em>(empty message)</em></p>\n", stdout);
    fputs("<form method=\"get\" action=\"sign.cgi\"><button>Post it</button></form>\n", stdout);
    fputs("</body></html>\n", stdout);
    return 0;
}
