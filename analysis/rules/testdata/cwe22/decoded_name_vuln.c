// A CGI download page: QUERY_STRING holds file=<name>, which is served
// from the downloads directory. The name is searched for ".." and '/'
// while still percent-encoded, so %2e%2e%2fsecret passes the search and
// decodes to ../secret.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *url_decode(const char *in);
static void serve(const char *name);

int main(void)
{
    const char *q = getenv("QUERY_STRING");
    if (q == NULL || strncmp(q, "file=", 5) != 0) {
        puts("Status: 400\r\n\r\n");
        return 0;
    }
    serve(q + 5);
    return 0;
}

static char *url_decode(const char *in)
{
    size_t o = 0;
    char *out = malloc(strlen(in) + 1);
    if (out == NULL) {
        return NULL;
    }
    for (size_t i = 0; in[i] != '\0'; i++) {
        if (in[i] == '%' && in[i + 1] != '\0' && in[i + 2] != '\0') {
            char hex[3] = {in[i + 1], in[i + 2], '\0'};
            out[o++] = (char)strtol(hex, NULL, 16);
            i += 2;
        } else {
            out[o++] = in[i];
        }
    }
    out[o] = '\0';
    return out;
}

static void serve(const char *name)
{
    char path[256];
    if (strstr(name, "..") != NULL || strchr(name, '/') != NULL) {
        puts("Status: 403\r\n\r\n");
        return;
    }
    char *decoded = url_decode(name);
    if (decoded == NULL) {
        return;
    }
    snprintf(path, sizeof path, "/srv/downloads/%s", decoded);
    free(decoded);
    FILE *fp = fopen(path, "rb"); // want CWE-22
    if (fp == NULL) {
        puts("Status: 404\r\n\r\n");
        return;
    }
    puts("Content-Type: application/octet-stream\r\n\r\n");
    int c;
    while ((c = fgetc(fp)) != EOF) {
        putchar(c);
    }
    fclose(fp);
}
