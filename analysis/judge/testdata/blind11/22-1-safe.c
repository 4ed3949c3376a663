/* CGI program that shows a plain-text help page chosen by the "page" query parameter. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_ROOT "/var/www/help"
#define MAX_PARAM 256

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static void url_decode(const char *in, char *out, size_t outsz)
{
    size_t o = 0;
    while (*in && o + 1 < outsz) {
        if (*in == '%' && hex_value((unsigned char)in[1]) >= 0 &&
            hex_value((unsigned char)in[2]) >= 0) {
            out[o++] = (char)(hex_value((unsigned char)in[1]) * 16 +
                              hex_value((unsigned char)in[2]));
            in += 3;
        } else if (*in == '+') {
            out[o++] = ' ';
            in++;
        } else {
            out[o++] = *in++;
        }
    }
    out[o] = '\0';
}

static int get_param(const char *query, const char *name, char *out, size_t outsz)
{
    size_t nlen = strlen(name);
    const char *p = query;
    while (p && *p) {
        if (strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            const char *v = p + nlen + 1;
            size_t len = strcspn(v, "&");
            if (len >= outsz)
                return -1;
            memcpy(out, v, len);
            out[len] = '\0';
            return 0;
        }
        p = strchr(p, '&');
        if (p)
            p++;
    }
    return -1;
}

static int page_name_ok(const char *name)
{
    if (name[0] == '\0' || name[0] == '/')
        return 0;
    if (strstr(name, ".."))
        return 0;
    return 1;
}

static void send_error(int status, const char *msg)
{
    printf("Status: %d\r\nContent-Type: text/plain\r\n\r\n%s\n", status, msg);
}

static int send_page(const char *root, const char *page)
{
    char path[1024];
    int n = snprintf(path, sizeof path, "%s/%s.txt", root, page);
    if (n < 0 || (size_t)n >= sizeof path)
        return -1;
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    printf("Content-Type: text/plain\r\n\r\n");
    char buf[4096];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
        fwrite(buf, 1, got, stdout);
    fclose(fp);
    return 0;
}

int main(void)
{
    const char *query = getenv("QUERY_STRING");
    const char *root = getenv("HELP_ROOT");
    char raw[MAX_PARAM];
    char page[MAX_PARAM];

    if (!root || !*root)
        root = DEFAULT_ROOT;
    if (!query || get_param(query, "page", raw, sizeof raw) != 0) {
        send_error(400, "missing page parameter");
        return 0;
    }
    url_decode(raw, page, sizeof page);
    if (!page_name_ok(page)) {
        send_error(403, "invalid page name");
        return 0;
    }
    if (send_page(root, page) != 0)
        send_error(404, "no such page");
    return 0;
}
