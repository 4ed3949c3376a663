/* CGI program that reads a guestbook entry from QUERY_STRING and prints an HTML preview of it. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static size_t url_decode(char *dst, size_t dstsize, const char *src, size_t srclen)
{
    size_t i = 0, o = 0;
    if (dstsize == 0)
        return 0;
    while (i < srclen && o + 1 < dstsize) {
        int hi, lo;
        if (src[i] == '+') {
            dst[o++] = ' ';
            i++;
        } else if (src[i] == '%' && i + 2 < srclen &&
                   (hi = hex_value((unsigned char)src[i + 1])) >= 0 &&
                   (lo = hex_value((unsigned char)src[i + 2])) >= 0) {
            dst[o++] = (char)(hi * 16 + lo);
            i += 3;
        } else {
            dst[o++] = src[i++];
        }
    }
    dst[o] = '\0';
    return o;
}

static int get_param(const char *qs, const char *key, char *out, size_t outsize)
{
    size_t klen = strlen(key);
    const char *p = qs;
    while (*p) {
        const char *end = strchr(p, '&');
        size_t plen = end ? (size_t)(end - p) : strlen(p);
        if (plen > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            url_decode(out, outsize, p + klen + 1, plen - klen - 1);
            return 1;
        }
        if (!end)
            break;
        p = end + 1;
    }
    if (outsize > 0)
        out[0] = '\0';
    return 0;
}

static void print_escaped(const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", stdout); break;
        case '>': fputs("&gt;", stdout); break;
        case '&': fputs("&amp;", stdout); break;
        case '"': fputs("&quot;", stdout); break;
        case '\'': fputs("&#39;", stdout); break;
        default: putchar(*s); break;
        }
    }
}

static void render_entry(const char *name, const char *email, const char *message)
{
    fputs("<div class=\"entry\">\n<h2>", stdout);
    print_escaped(name[0] ? name : "Anonymous");
    fputs("</h2>\n", stdout);
    if (email[0]) {
        fputs("<p class=\"email\">", stdout);
        print_escaped(email);
        fputs("</p>\n", stdout);
    }
    fputs("<p>", stdout);
    print_escaped(message);
    fputs("</p>\n</div>\n", stdout);
}

static int show_preview(const char *qs)
{
    char name[32];
    char email[64];
    char message[512];

    get_param(qs, "name", name, sizeof name);
    get_param(qs, "email", email, sizeof message);
    if (!get_param(qs, "message", message, sizeof message) || message[0] == '\0')
        return -1;
    render_entry(name, email, message);
    return 0;
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    fputs("Content-Type: text/html; charset=utf-8\r\n\r\n", stdout);
    fputs("<!DOCTYPE html>\n<html><head><title>Preview</title></head><body>\n", stdout);
    if (!qs || show_preview(qs) != 0)
        fputs("<p>Please write a message.</p>\n", stdout);
    fputs("</body></html>\n", stdout);
    return 0;
}
