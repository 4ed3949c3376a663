/* CGI network diagnostic page: reads a POSTed form (host, count) and shows the output of ping for that host. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BODY 1024
#define MAX_FIELD 128

struct ping_form {
    char host[MAX_FIELD];
    int count;
};

static int hexval(int c)
{
    if (isdigit(c))
        return c - '0';
    c = tolower(c);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

static void form_decode(const char *src, size_t len, char *dst, size_t dstsz)
{
    size_t i = 0, o = 0;
    while (i < len && o + 1 < dstsz) {
        int hi, lo;
        if (src[i] == '%' && i + 2 < len && (hi = hexval((unsigned char)src[i + 1])) >= 0 &&
            (lo = hexval((unsigned char)src[i + 2])) >= 0) {
            dst[o++] = (char)(hi * 16 + lo);
            i += 3;
        } else {
            dst[o++] = src[i] == '+' ? ' ' : src[i];
            i++;
        }
    }
    dst[o] = '\0';
}

static int read_body(char *buf, size_t size)
{
    const char *cl = getenv("CONTENT_LENGTH");
    if (!cl)
        return -1;
    char *end;
    long len = strtol(cl, &end, 10);
    if (*end != '\0' || len <= 0 || (size_t)len >= size)
        return -1;
    if (fread(buf, 1, (size_t)len, stdin) != (size_t)len)
        return -1;
    buf[len] = '\0';
    return 0;
}

static int parse_form(const char *body, struct ping_form *form)
{
    char value[MAX_FIELD];
    const char *p = body;
    form->host[0] = '\0';
    form->count = 3;
    while (*p) {
        size_t len = strcspn(p, "&");
        const char *eq = memchr(p, '=', len);
        if (eq) {
            size_t klen = (size_t)(eq - p);
            form_decode(eq + 1, len - klen - 1, value, sizeof value);
            if (klen == 4 && strncmp(p, "host", 4) == 0) {
                snprintf(form->host, sizeof form->host, "%s", value);
            } else if (klen == 5 && strncmp(p, "count", 5) == 0) {
                char *end;
                long n = strtol(value, &end, 10);
                if (*end != '\0' || n < 1 || n > 5)
                    return -1;
                form->count = (int)n;
            }
        }
        p += len;
        if (*p == '&')
            p++;
    }
    return form->host[0] ? 0 : -1;
}

static int host_is_acceptable(const char *host)
{
    if (host[0] == '-')
        return 0;
    return strpbrk(host, ";|&<> \t\n") == NULL;
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
        default: putchar(*s);
        }
    }
}

static int run_ping(const struct ping_form *form)
{
    char cmd[256];
    char line[512];
    int n = snprintf(cmd, sizeof cmd, "ping -c %d -W 2 %s 2>&1", form->count, form->host);
    if (n < 0 || (size_t)n >= sizeof cmd)
        return -1;
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    fputs("<pre>\n", stdout);
    while (fgets(line, sizeof line, p))
        print_escaped(line);
    fputs("</pre>\n", stdout);
    return pclose(p);
}

int main(void)
{
    char body[MAX_BODY];
    struct ping_form form;

    fputs("Content-Type: text/html\r\n\r\n<html><body><h1>Ping</h1>\n", stdout);
    if (read_body(body, sizeof body) != 0 || parse_form(body, &form) != 0) {
        fputs("<p>Invalid request.</p></body></html>\n", stdout);
        return 0;
    }
    if (!host_is_acceptable(form.host)) {
        fputs("<p>Invalid host name.</p></body></html>\n", stdout);
        return 0;
    }
    fputs("<p>Results for ", stdout);
    print_escaped(form.host);
    fputs(":</p>\n", stdout);
    if (run_ping(&form) < 0)
        fputs("<p>Could not run ping.</p>\n", stdout);
    fputs("</body></html>\n", stdout);
    return 0;
}
