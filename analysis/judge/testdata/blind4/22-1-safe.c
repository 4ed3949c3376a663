/* CGI program that returns a help page from the pages/ directory chosen by the "page" query parameter. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define PAGE_DIR "pages"
#define MAX_NAME 256

struct request {
    char raw_page[MAX_NAME];
    char page[MAX_NAME];
};

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
        if (*src == '%' && hexval(src[1]) >= 0 && hexval(src[2]) >= 0) {
            dst[o++] = (char)(hexval(src[1]) * 16 + hexval(src[2]));
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

static int get_param(const char *qs, const char *key, char *out, size_t outlen)
{
    size_t klen = strlen(key);
    const char *p = qs;
    while (p && *p) {
        if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
            const char *v = p + klen + 1;
            size_t n = strcspn(v, "&");
            if (n >= outlen) n = outlen - 1;
            memcpy(out, v, n);
            out[n] = '\0';
            return 1;
        }
        p = strchr(p, '&');
        if (p) p++;
    }
    return 0;
}

static int valid_page_name(const char *name)
{
    if (name[0] == '\0' || name[0] == '/')
        return 0;
    if (strstr(name, "..") != NULL)
        return 0;
    return 1;
}

static int parse_request(struct request *req)
{
    const char *qs = getenv("QUERY_STRING");
    if (qs == NULL)
        return 0;
    if (!get_param(qs, "page", req->raw_page, sizeof req->raw_page))
        return 0;
    url_decode(req->raw_page, req->page, sizeof req->page);
    if (!valid_page_name(req->page))
        return 0;
    return 1;
}

static void send_error(int code, const char *msg)
{
    printf("Status: %d %s\r\nContent-Type: text/plain\r\n\r\n%s\n", code, msg, msg);
}

static void send_page(const char *name)
{
    char path[MAX_NAME + sizeof PAGE_DIR + 2];
    char buf[4096];
    size_t n;
    FILE *fp;

    snprintf(path, sizeof path, "%s/%s", PAGE_DIR, name);
    fp = fopen(path, "r");
    if (fp == NULL) {
        send_error(404, "Not Found");
        return;
    }
    printf("Content-Type: text/plain\r\n\r\n");
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        fwrite(buf, 1, n, stdout);
    fclose(fp);
}

int main(void)
{
    struct request req;
    memset(&req, 0, sizeof req);
    if (!parse_request(&req)) {
        send_error(400, "Bad Request");
        return 0;
    }
    send_page(req.page);
    return 0;
}
