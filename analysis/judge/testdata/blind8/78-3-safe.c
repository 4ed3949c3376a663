/* CGI program that reports line, word and byte counts for an uploaded document named in the query string. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UPLOAD_DIR "uploads"
#define NAME_MAX_LEN 128

struct doc_stats {
    long lines;
    long words;
    long bytes;
};

static int hexdigit(int c)
{
    if (isdigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int query_value(const char *qs, const char *key, char *out, size_t outsz)
{
    size_t klen = strlen(key);
    for (const char *p = qs; p && *p; ) {
        const char *amp = strchr(p, '&');
        const char *end = amp ? amp : p + strlen(p);
        if ((size_t)(end - p) > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            size_t o = 0;
            for (const char *s = p + klen + 1; s < end; s++) {
                int c = (unsigned char)*s;
                if (c == '+') {
                    c = ' ';
                } else if (c == '%' && end - s > 2 && hexdigit((unsigned char)s[1]) >= 0
                           && hexdigit((unsigned char)s[2]) >= 0) {
                    c = hexdigit((unsigned char)s[1]) * 16 + hexdigit((unsigned char)s[2]);
                    s += 2;
                }
                if (o + 1 >= outsz)
                    return -1;
                out[o++] = (char)c;
            }
            out[o] = '\0';
            return 0;
        }
        p = amp ? amp + 1 : NULL;
    }
    return -1;
}

static int doc_name_ok(const char *name)
{
    if (name[0] == '\0' || name[0] == '.' || name[0] == '-')
        return 0;
    for (const char *p = name; *p; p++) {
        if (!isalnum((unsigned char)*p) && *p != '.' && *p != '_' && *p != '-')
            return 0;
    }
    return 1;
}

static int read_stats(const char *name, struct doc_stats *st)
{
    char cmd[NAME_MAX_LEN + 64];
    int n = snprintf(cmd, sizeof cmd, "wc -l -w -c %s/%s 2>/dev/null", UPLOAD_DIR, name);
    if (n < 0 || (size_t)n >= sizeof cmd)
        return -1;
    FILE *pp = popen(cmd, "r");
    if (!pp)
        return -1;
    int got = fscanf(pp, "%ld %ld %ld", &st->lines, &st->words, &st->bytes);
    int rc = pclose(pp);
    return (got == 3 && rc == 0) ? 0 : -1;
}

static void reply(const char *status, const char *body)
{
    printf("Status: %s\r\nContent-Type: text/plain\r\n\r\n%s\n", status, body);
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    char name[NAME_MAX_LEN];
    struct doc_stats st;

    if (!qs || query_value(qs, "doc", name, sizeof name) != 0) {
        reply("400 Bad Request", "missing doc parameter");
        return 0;
    }
    if (!doc_name_ok(name)) {
        reply("400 Bad Request", "invalid document name");
        return 0;
    }
    if (read_stats(name, &st) != 0) {
        reply("404 Not Found", "no such document");
        return 0;
    }
    printf("Content-Type: text/plain\r\n\r\n");
    printf("lines: %ld\nwords: %ld\nbytes: %ld\n", st.lines, st.words, st.bytes);
    return 0;
}
