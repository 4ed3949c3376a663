// Greets the visitor named by the name parameter of QUERY_STRING, as many
// times as the times parameter asks (1 to 5). The request parser checks
// that the name holds no markup and then decodes its '%' escapes, so a
// %3C becomes a '<' after the check.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct greeting {
    char name[64];
    int times;
};

static int hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void decode(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '%' && hex_digit(p[1]) >= 0 && hex_digit(p[2]) >= 0) {
            *o++ = (char)(hex_digit(p[1]) * 16 + hex_digit(p[2]));
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
}

static int field(const char *qs, const char *key, char *out, size_t size)
{
    size_t klen = strlen(key);
    for (const char *p = qs; p && *p;) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            size_t n = len - klen - 1;
            if (n >= size)
                n = size - 1;
            memcpy(out, p + klen + 1, n);
            out[n] = '\0';
            return 1;
        }
        p = end ? end + 1 : NULL;
    }
    return 0;
}

static int no_markup(const char *s)
{
    return strpbrk(s, "<>&\"'") == NULL;
}

static int parse_greeting(const char *qs, struct greeting *g)
{
    char num[8];
    strcpy(g->name, "guest");
    g->times = 1;
    if (field(qs, "name", g->name, sizeof g->name)) {
        if (!no_markup(g->name))
            return -1;
        decode(g->name);
    }
    if (field(qs, "times", num, sizeof num)) {
        long v = strtol(num, NULL, 10);
        if (v >= 1 && v <= 5)
            g->times = (int)v;
    }
    return 0;
}

static void greet(const struct greeting *g);

int main(void)
{
    struct greeting g;
    const char *qs = getenv("QUERY_STRING");
    printf("Content-Type: text/html\r\n\r\n");
    if (qs == NULL || parse_greeting(qs, &g) != 0) {
        printf("<p>Bad request.</p>\n");
        return 0;
    }
    greet(&g);
    return 0;
}

static void greet(const struct greeting *g)
{
    for (int i = 0; i < g->times; i++)
        printf("<p>Hello, %s!</p>\n", g->name); // want CWE-79
}
