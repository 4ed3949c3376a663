/* CGI program that converts a length between units given in the query string (value, from, to) and prints the result as text. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct unit {
    const char *name;
    double metres;
};

static const struct unit units[] = {
    {"mm", 0.001}, {"cm", 0.01}, {"m", 1.0}, {"km", 1000.0},
    {"in", 0.0254}, {"ft", 0.3048}, {"yd", 0.9144}, {"mi", 1609.344},
};

struct request {
    char value[32];
    char from[16];
    char to[16];
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void url_decode(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == '+') {
            *w++ = ' ';
        } else if (*r == '%' && hexval((unsigned char)r[1]) >= 0 && hexval((unsigned char)r[2]) >= 0) {
            *w++ = (char)(hexval((unsigned char)r[1]) * 16 + hexval((unsigned char)r[2]));
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

static void store_param(struct request *req, const char *key, const char *val)
{
    char *dst = NULL;
    size_t cap = 0;
    if (strcmp(key, "value") == 0) { dst = req->value; cap = sizeof(req->value); }
    else if (strcmp(key, "from") == 0) { dst = req->from; cap = sizeof(req->from); }
    else if (strcmp(key, "to") == 0) { dst = req->to; cap = sizeof(req->to); }
    if (dst)
        snprintf(dst, cap, "%s", val);
}

static void parse_query(char *qs, struct request *req)
{
    char *save = NULL;
    for (char *pair = strtok_r(qs, "&", &save); pair; pair = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(pair, '=');
        if (!eq)
            continue;
        *eq = '\0';
        url_decode(pair);
        url_decode(eq + 1);
        store_param(req, pair, eq + 1);
    }
}

static const struct unit *find_unit(const char *name)
{
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
        if (strcmp(units[i].name, name) == 0)
            return &units[i];
    return NULL;
}

static int fail(const char *status, const char *msg)
{
    printf("Status: %s\r\nContent-Type: text/plain\r\n\r\n%s\n", status, msg);
    return 0;
}

int main(void)
{
    const char *env = getenv("QUERY_STRING");
    if (!env)
        return fail("400 Bad Request", "missing query");
    char *qs = strdup(env);
    if (!qs)
        return fail("500 Internal Server Error", "out of memory");

    struct request req;
    memset(&req, 0, sizeof(req));
    parse_query(qs, &req);
    free(qs);

    const struct unit *from = find_unit(req.from);
    const struct unit *to = find_unit(req.to);
    if (!from || !to)
        return fail("400 Bad Request", "unknown unit");

    char *end = NULL;
    double v = strtod(req.value, &end);
    while (end && isspace((unsigned char)*end))
        end++;
    if (req.value[0] == '\0' || !end || *end != '\0')
        return fail("400 Bad Request", "bad value");

    double result = v * from->metres / to->metres;
    printf("Content-Type: text/plain\r\n\r\n%g %s = %g %s\n", v, from->name, result, to->name);
    return 0;
}
