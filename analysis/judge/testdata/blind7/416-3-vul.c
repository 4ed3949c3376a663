/* CGI program that decodes the QUERY_STRING parameters and echoes them back as text/plain. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAMS 32

struct arena {
    char *data;
    size_t len;
    size_t cap;
};

struct param {
    const char *name;
    const char *value;
};

static int arena_reserve(struct arena *a, size_t extra)
{
    if (a->len + extra <= a->cap)
        return 0;
    size_t ncap = a->cap ? a->cap : 16;
    while (ncap < a->len + extra)
        ncap *= 2;
    char *p = realloc(a->data, ncap);
    if (!p)
        return -1;
    a->data = p;
    a->cap = ncap;
    return 0;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static char *arena_push_decoded(struct arena *a, const char *src, size_t n)
{
    if (arena_reserve(a, n + 1) < 0)
        return NULL;
    char *start = a->data + a->len;
    char *out = start;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '+') {
            *out++ = ' ';
        } else if (src[i] == '%' && i + 2 < n &&
                   hexval(src[i + 1]) >= 0 && hexval(src[i + 2]) >= 0) {
            *out++ = (char)(hexval(src[i + 1]) * 16 + hexval(src[i + 2]));
            i += 2;
        } else {
            *out++ = src[i];
        }
    }
    *out++ = '\0';
    a->len += (size_t)(out - start);
    return start;
}

static int parse_query(const char *qs, struct arena *a, struct param *params, int max)
{
    int count = 0;
    while (*qs && count < max) {
        size_t seg = strcspn(qs, "&");
        const char *eq = memchr(qs, '=', seg);
        size_t nlen = eq ? (size_t)(eq - qs) : seg;
        const char *name = arena_push_decoded(a, qs, nlen);
        const char *value = eq ? arena_push_decoded(a, eq + 1, seg - nlen - 1)
                               : arena_push_decoded(a, "", 0);
        if (!name || !value)
            return -1;
        params[count].name = name;
        params[count].value = value;
        count++;
        qs += seg;
        if (*qs == '&')
            qs++;
    }
    return count;
}

static void print_params(const struct param *params, int count)
{
    printf("Content-Type: text/plain\r\n\r\n");
    printf("%d parameter(s)\n", count);
    for (int i = 0; i < count; i++)
        printf("%s: %s\n", params[i].name, params[i].value);
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    if (!qs)
        qs = "";

    struct arena a = { NULL, 0, 0 };
    struct param params[MAX_PARAMS];
    int count = parse_query(qs, &a, params, MAX_PARAMS);
    if (count < 0) {
        printf("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nout of memory\n");
        free(a.data);
        return 1;
    }
    print_params(params, count);
    free(a.data);
    return 0;
}
