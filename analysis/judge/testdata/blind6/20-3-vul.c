/* CGI program that renders a plain-text banner from the text, width and fill parameters in QUERY_STRING. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WIDTH 120
#define DEFAULT_WIDTH 40

struct banner_opts {
    char text[MAX_WIDTH + 1];
    int width;
    char fill;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes a URL-encoded value of length len into out (at most outsz-1 bytes). */
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

static int query_param(const char *qs, const char *name, char *out, size_t outsz)
{
    size_t nlen = strlen(name);
    const char *p = qs;
    while (p && *p) {
        const char *amp = strchr(p, '&');
        size_t plen = amp ? (size_t)(amp - p) : strlen(p);
        if (plen > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            url_decode(p + nlen + 1, plen - nlen - 1, out, outsz);
            return 1;
        }
        p = amp ? amp + 1 : NULL;
    }
    return 0;
}

static int parse_width(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0')
        return DEFAULT_WIDTH;
    if (v > MAX_WIDTH)
        return MAX_WIDTH;
    return (int)v;
}

static void load_options(const char *qs, struct banner_opts *opt)
{
    char tmp[MAX_WIDTH + 1];

    opt->text[0] = '\0';
    opt->width = DEFAULT_WIDTH;
    opt->fill = '*';
    query_param(qs, "text", opt->text, sizeof opt->text);
    if (query_param(qs, "width", tmp, sizeof tmp))
        opt->width = parse_width(tmp);
    if (query_param(qs, "fill", tmp, sizeof tmp) && isgraph((unsigned char)tmp[0]))
        opt->fill = tmp[0];
}

static void print_rule(int width, char fill)
{
    char line[MAX_WIDTH + 2];
    memset(line, fill, (size_t)width);
    line[width] = '\n';
    line[width + 1] = '\0';
    fputs(line, stdout);
}

static void print_centered(const char *text, int width)
{
    int len = (int)strlen(text);
    if (len > width)
        len = width;
    int left = (width - len) / 2;
    printf("%*s%.*s\n", left, "", len, text);
}

int main(void)
{
    struct banner_opts opt;
    const char *qs = getenv("QUERY_STRING");

    if (qs == NULL)
        qs = "";
    load_options(qs, &opt);
    printf("Content-Type: text/plain\r\n\r\n");
    print_rule(opt.width, opt.fill);
    print_centered(opt.text, opt.width);
    print_rule(opt.width, opt.fill);
    return 0;
}
