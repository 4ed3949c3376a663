/* CGI program that returns a help page from the docs directory, selected by the "page" query parameter. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOCS_DIR "docs"
#define MAX_PARAM 256

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static void url_decode(const char *src, char *dst, size_t dstsz)
{
    size_t o = 0;
    while (*src && o + 1 < dstsz) {
        int hi, lo;
        if (src[0] == '%' && (hi = hexval((unsigned char)src[1])) >= 0 &&
            (lo = hexval((unsigned char)src[2])) >= 0) {
            dst[o++] = (char)(hi * 16 + lo);
            src += 3;
        } else if (src[0] == '+') {
            dst[o++] = ' ';
            src++;
        } else {
            dst[o++] = *src++;
        }
    }
    dst[o] = '\0';
}

static int get_param(const char *query, const char *key, char *out, size_t outsz)
{
    size_t klen = strlen(key);
    const char *p = query;

    while (p && *p) {
        const char *amp = strchr(p, '&');
        size_t len = amp ? (size_t)(amp - p) : strlen(p);
        if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            size_t vlen = len - klen - 1;
            if (vlen >= outsz)
                return -1;
            memcpy(out, p + klen + 1, vlen);
            out[vlen] = '\0';
            return 0;
        }
        p = amp ? amp + 1 : NULL;
    }
    return -1;
}

static int page_name_ok(const char *name)
{
    if (name[0] == '\0' || name[0] == '/')
        return 0;
    if (strstr(name, "..") != NULL)
        return 0;
    return 1;
}

static int send_page(const char *name)
{
    char path[512];
    char buf[1024];
    size_t r;
    int n = snprintf(path, sizeof path, "%s/%s", DOCS_DIR, name);

    if (n < 0 || (size_t)n >= sizeof path)
        return -1;
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    printf("Content-Type: text/plain\r\n\r\n");
    while ((r = fread(buf, 1, sizeof buf, f)) > 0)
        fwrite(buf, 1, r, stdout);
    fclose(f);
    return 0;
}

static void reply_status(const char *status, const char *msg)
{
    printf("Status: %s\r\nContent-Type: text/plain\r\n\r\n%s\n", status, msg);
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    char raw[MAX_PARAM];
    char page[MAX_PARAM];

    if (!qs || get_param(qs, "page", raw, sizeof raw) != 0) {
        reply_status("400 Bad Request", "missing page parameter");
        return 0;
    }
    if (!page_name_ok(raw)) {
        reply_status("400 Bad Request", "invalid page name");
        return 0;
    }
    url_decode(raw, page, sizeof page);
    if (send_page(page) != 0)
        reply_status("404 Not Found", "no such page");
    return 0;
}
