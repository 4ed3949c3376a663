/* CGI download handler: sends the document-root file named by the URL-encoded argument. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(int c)
{
    if (isdigit(c))
        return c - '0';
    return tolower(c) - 'a' + 10;
}

static void url_decode(char *dst, size_t dstsz, const char *src)
{
    size_t n = 0;

    while (*src && n + 1 < dstsz) {
        if (src[0] == '%' && isxdigit((unsigned char)src[1]) && isxdigit((unsigned char)src[2])) {
            dst[n++] = (char)(hexval((unsigned char)src[1]) * 16 + hexval((unsigned char)src[2]));
            src += 3;
        } else if (*src == '+') {
            dst[n++] = ' ';
            src++;
        } else {
            dst[n++] = *src++;
        }
    }
    dst[n] = '\0';
}

/* Resolves root/name and checks that the result stays inside root. */
static int resolve_inside(const char *root, const char *name, char *out)
{
    char real_root[PATH_MAX], joined[PATH_MAX];
    size_t len;

    if (!realpath(root, real_root))
        return -1;
    if (snprintf(joined, sizeof joined, "%s/%s", real_root, name) >= (int)sizeof joined ||
        !realpath(joined, out))
        return -1;
    len = strlen(real_root);
    if (strncmp(out, real_root, len) != 0 || out[len] != '/')
        return -1;
    return 0;
}

static int send_file(const char *root, const char *raw)
{
    char name[256], path[PATH_MAX], buf[4096];
    size_t n;

    url_decode(name, sizeof name, raw);
    if (resolve_inside(root, name, path) < 0) {
        printf("Status: 403 Forbidden\r\n\r\n");
        return -1;
    }

    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("Status: 404 Not Found\r\n\r\n");
        return -1;
    }
    printf("Content-Type: application/octet-stream\r\n\r\n");
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        fwrite(buf, 1, n, stdout);
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    const char *root = getenv("DOCUMENT_ROOT");

    if (!root)
        root = "/var/www/files";
    if (argc < 2) {
        fprintf(stderr, "usage: %s ENCODED-NAME\n", argv[0]);
        return 2;
    }
    return send_file(root, argv[1]) == 0 ? 0 : 1;
}
