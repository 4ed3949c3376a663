/* CGI program that serves a document from the site's docs directory named by the "doc" query parameter. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define DOC_ROOT_DEFAULT "/var/www/docs"
#define MAX_NAME 256

struct request {
    char doc[MAX_NAME];
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

static int valid_doc_name(const char *name)
{
    const char *p = name;
    if (*p == '\0' || *p == '/')
        return 0;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 2 && p[0] == '.' && p[1] == '.')
            return 0;
        if (!slash)
            break;
        p = slash + 1;
    }
    return 1;
}

static int get_param(const char *query, const char *key, char *out, size_t outsz)
{
    size_t klen = strlen(key);
    const char *p = query;
    while (p && *p) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            size_t vlen = len - klen - 1;
            if (vlen >= outsz)
                return -1;
            memcpy(out, p + klen + 1, vlen);
            out[vlen] = '\0';
            return 0;
        }
        p = end ? end + 1 : NULL;
    }
    return -1;
}

static int parse_request(const char *query, struct request *req)
{
    char mode[16];
    if (get_param(query, "doc", req->doc, sizeof req->doc) != 0)
        return -1;
    url_decode(req->doc);
    if (!valid_doc_name(req->doc))
        return -1;
    req->raw = get_param(query, "mode", mode, sizeof mode) == 0 && strcmp(mode, "raw") == 0;
    return 0;
}

static void send_error(int code, const char *msg)
{
    printf("Status: %d %s\r\nContent-Type: text/plain\r\n\r\n%s\n", code, msg, msg);
}

static int send_file(const char *root, const struct request *req)
{
    char path[1024];
    char buf[4096];
    size_t n;
    int len = snprintf(path, sizeof path, "%s/%s", root, req->doc);
    if (len < 0 || (size_t)len >= sizeof path)
        return -1;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    printf("Content-Type: %s\r\n\r\n", req->raw ? "application/octet-stream" : "text/plain");
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        fwrite(buf, 1, n, stdout);
    fclose(fp);
    return 0;
}

int main(void)
{
    const char *query = getenv("QUERY_STRING");
    const char *root = getenv("DOC_ROOT");
    struct request req;

    if (!root || !*root)
        root = DOC_ROOT_DEFAULT;
    if (!query || parse_request(query, &req) != 0) {
        send_error(400, "Bad Request");
        return 0;
    }
    if (send_file(root, &req) != 0)
        send_error(404, "Not Found");
    return 0;
}
