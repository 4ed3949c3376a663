/* CGI program that searches the application access log for the text given in the "q" query parameter. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOG_FILE "logs/access.log"
#define MAX_QUERY 200

static int hexdigit(int c)
{
    if (isdigit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static char *query_param(const char *qs, const char *key)
{
    size_t klen = strlen(key);
    while (qs && *qs) {
        const char *amp = strchr(qs, '&');
        size_t plen = amp ? (size_t)(amp - qs) : strlen(qs);
        if (plen > klen && strncmp(qs, key, klen) == 0 && qs[klen] == '=') {
            const char *v = qs + klen + 1;
            size_t vlen = plen - klen - 1;
            char *out = malloc(vlen + 1);
            size_t o = 0;
            if (!out) return NULL;
            for (size_t i = 0; i < vlen; i++) {
                if (v[i] == '%' && i + 2 < vlen &&
                    hexdigit((unsigned char)v[i + 1]) >= 0 && hexdigit((unsigned char)v[i + 2]) >= 0) {
                    out[o++] = (char)(hexdigit((unsigned char)v[i + 1]) * 16 + hexdigit((unsigned char)v[i + 2]));
                    i += 2;
                } else if (v[i] == '+') {
                    out[o++] = ' ';
                } else {
                    out[o++] = v[i];
                }
            }
            out[o] = '\0';
            return out;
        }
        qs = amp ? amp + 1 : NULL;
    }
    return NULL;
}

static char *shell_quote(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(len + 3);
    if (!out) return NULL;
    out[0] = '\'';
    memcpy(out + 1, s, len);
    out[len + 1] = '\'';
    out[len + 2] = '\0';
    return out;
}

static int run_search(const char *text)
{
    char cmd[1024];
    char line[512];
    char *quoted = shell_quote(text);
    FILE *p;
    int n = 0;

    if (!quoted) return -1;
    snprintf(cmd, sizeof cmd, "grep -F -i -- %s %s | head -n 50", quoted, LOG_FILE);
    free(quoted);
    p = popen(cmd, "r");
    if (!p) return -1;
    while (fgets(line, sizeof line, p)) {
        fputs(line, stdout);
        n++;
    }
    pclose(p);
    return n;
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    char *q = query_param(qs, "q");
    int found;

    printf("Content-Type: text/plain\r\n\r\n");
    if (!q || q[0] == '\0' || strlen(q) > MAX_QUERY) {
        printf("missing or too long search text\n");
        free(q);
        return 0;
    }
    found = run_search(q);
    free(q);
    if (found < 0)
        printf("search failed\n");
    else
        printf("-- %d matching lines\n", found);
    return 0;
}
