/* CGI program that shows a help page from the docs directory named by the "page" query parameter. */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define DOCS_DIR "docs"
#define MAX_PARAM 256

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static void url_decode(const char *src, char *dst, size_t dstlen)
{
    size_t o = 0;
    while (*src && o + 1 < dstlen) {
        if (*src == '%' && hexval((unsigned char)src[1]) >= 0 && hexval((unsigned char)src[2]) >= 0) {
            dst[o++] = (char)(hexval((unsigned char)src[1]) * 16 + hexval((unsigned char)src[2]));
            src += 3;
        } else if (*src == '+') {
            dst[o++] = ' ';
            src++;
        } else {
            dst[o++] = *src++;
        }
    }
    dst[o] = '\0';
}

static int get_param(const char *qs, const char *name, char *out, size_t outlen)
{
    size_t nlen = strlen(name);
    const char *p = qs;
    while (p && *p) {
        if (strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            const char *v = p + nlen + 1;
            size_t vlen = strcspn(v, "&");
            if (vlen >= outlen) return -1;
            memcpy(out, v, vlen);
            out[vlen] = '\0';
            return 0;
        }
        p = strchr(p, '&');
        if (p) p++;
    }
    return -1;
}

static int page_name_ok(const char *raw)
{
    if (raw[0] == '/' || raw[0] == '\0') return 0;
    if (strstr(raw, "..") != NULL) return 0;
    return 1;
}

static int send_file(const char *path)
{
    FILE *f = fopen(path, "r");
    char buf[1024];
    size_t n;
    if (!f) return -1;
    printf("Content-Type: text/plain\r\n\r\n");
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        fwrite(buf, 1, n, stdout);
    fclose(f);
    return 0;
}

static void fail(const char *status)
{
    printf("Status: %s\r\nContent-Type: text/plain\r\n\r\n%s\n", status, status);
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    char raw[MAX_PARAM], page[MAX_PARAM], path[2 * MAX_PARAM];

    if (!qs || get_param(qs, "page", raw, sizeof raw) != 0) {
        fail("400 Bad Request");
        return 0;
    }
    if (!page_name_ok(raw)) {
        fail("403 Forbidden");
        return 0;
    }
    url_decode(raw, page, sizeof page);
    snprintf(path, sizeof path, "%s/%s", DOCS_DIR, page);
    if (send_file(path) != 0)
        fail("404 Not Found");
    return 0;
}
