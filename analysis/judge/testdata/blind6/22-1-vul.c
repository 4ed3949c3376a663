/* CGI program that returns a document from the document root named by the doc= query parameter. */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define MAX_NAME 256
#define MAX_PATH 1024

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static int url_decode(const char *in, char *out, size_t outsz)
{
    size_t j = 0;
    for (size_t i = 0; in[i] != '\0'; i++) {
        int c = (unsigned char)in[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%' && in[i + 1] && in[i + 2]) {
            int hi = hexval((unsigned char)in[i + 1]);
            int lo = hexval((unsigned char)in[i + 2]);
            if (hi < 0 || lo < 0) return -1;
            c = hi * 16 + lo;
            i += 2;
        }
        if (c == 0 || j + 1 >= outsz) return -1;
        out[j++] = (char)c;
    }
    out[j] = '\0';
    return 0;
}

static int get_param(const char *qs, const char *key, char *out, size_t outsz)
{
    size_t klen = strlen(key);
    const char *p = qs;
    while (p && *p) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            size_t vlen = len - klen - 1;
            if (vlen + 1 > outsz) return -1;
            memcpy(out, p + klen + 1, vlen);
            out[vlen] = '\0';
            return 0;
        }
        p = end ? end + 1 : NULL;
    }
    return -1;
}

static int name_is_acceptable(const char *name)
{
    if (name[0] == '\0' || name[0] == '/')
        return 0;
    if (strstr(name, "..") != NULL)
        return 0;
    return 1;
}

static void send_error(int status, const char *msg)
{
    printf("Status: %d\r\nContent-Type: text/plain\r\n\r\n%s\n", status, msg);
}

static int send_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    printf("Content-Type: text/plain\r\n\r\n");
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        fwrite(buf, 1, n, stdout);
    fclose(fp);
    return 0;
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    const char *root = getenv("DOC_ROOT");
    char raw[MAX_NAME * 3], name[MAX_NAME], path[MAX_PATH];

    if (!root)
        root = "./docs";
    if (!qs || get_param(qs, "doc", raw, sizeof raw) != 0) {
        send_error(400, "missing doc parameter");
        return 0;
    }
    if (!name_is_acceptable(raw)) {
        send_error(403, "invalid document name");
        return 0;
    }
    if (url_decode(raw, name, sizeof name) != 0) {
        send_error(400, "bad encoding");
        return 0;
    }
    int n = snprintf(path, sizeof path, "%s/%s", root, name);
    if (n < 0 || (size_t)n >= sizeof path) {
        send_error(414, "name too long");
        return 0;
    }
    if (send_file(path) != 0)
        send_error(404, "not found");
    return 0;
}
