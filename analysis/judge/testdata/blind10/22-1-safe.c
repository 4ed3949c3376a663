/* CGI program that serves a text page from the site's pages directory, selected by the "page" query parameter. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define MAX_PARAM 256
#define MAX_PATH_LEN 1024

struct request {
    char page[MAX_PARAM];
    int raw;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static void url_decode(char *s)
{
    char *out = s;
    while (*s) {
        if (*s == '%' && hexval((unsigned char)s[1]) >= 0 && hexval((unsigned char)s[2]) >= 0) {
            *out++ = (char)(hexval((unsigned char)s[1]) * 16 + hexval((unsigned char)s[2]));
            s += 3;
        } else if (*s == '+') {
            *out++ = ' ';
            s++;
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

static int get_param(const char *query, const char *name, char *dst, size_t dstlen)
{
    size_t nlen = strlen(name);
    const char *p = query;
    while (p && *p) {
        if (strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            const char *v = p + nlen + 1;
            size_t vlen = strcspn(v, "&");
            if (vlen >= dstlen)
                return -1;
            memcpy(dst, v, vlen);
            dst[vlen] = '\0';
            return 0;
        }
        p = strchr(p, '&');
        if (p) p++;
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

static int parse_request(const char *query, struct request *req)
{
    char flag[8];

    memset(req, 0, sizeof(*req));
    if (get_param(query, "page", req->page, sizeof(req->page)) != 0)
        return -1;
    req->raw = (get_param(query, "raw", flag, sizeof(flag)) == 0 && strcmp(flag, "1") == 0);
    url_decode(req->page);
    if (!page_name_ok(req->page))
        return -1;
    return 0;
}

static void error_page(int status, const char *msg)
{
    printf("Status: %d\r\nContent-Type: text/plain\r\n\r\n%s\n", status, msg);
}

static int send_page(const char *root, const struct request *req)
{
    char path[MAX_PATH_LEN];
    int n = snprintf(path, sizeof(path), "%s/%s", root, req->page);
    if (n < 0 || (size_t)n >= sizeof(path))
        return -1;

    FILE *f = fopen(path, "r");
    if (!f)
        return -1;

    printf("Content-Type: %s\r\n\r\n", req->raw ? "application/octet-stream" : "text/plain");
    char buf[4096];
    size_t got;
    while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
        fwrite(buf, 1, got, stdout);
    fclose(f);
    return 0;
}

int main(void)
{
    const char *query = getenv("QUERY_STRING");
    const char *root = getenv("PAGES_ROOT");
    struct request req;

    if (!root || !*root)
        root = "./pages";
    if (!query || parse_request(query, &req) != 0) {
        error_page(400, "bad request");
        return 0;
    }
    if (send_page(root, &req) != 0)
        error_page(404, "page not found");
    return 0;
}
