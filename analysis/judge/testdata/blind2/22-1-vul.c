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

static int name_is_clean(const char *name)
{
    return name[0] != '/' && strstr(name, "..") == NULL;
}

static int send_file(const char *root, const char *raw)
{
    char name[256], path[PATH_MAX], buf[4096];
    size_t n;

    if (!name_is_clean(raw)) {
        printf("Status: 403 Forbidden\r\n\r\n");
        return -1;
    }
    url_decode(name, sizeof name, raw);
    snprintf(path, sizeof path, "%s/%s", root, name);

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
