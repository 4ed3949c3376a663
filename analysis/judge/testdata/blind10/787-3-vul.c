/* CGI program that reads name and message from QUERY_STRING and answers with them as a JSON object. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct form {
    char *name;
    char *message;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static char *url_decode(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        int hi, lo;
        if (s[i] == '+') {
            out[o++] = ' ';
        } else if (s[i] == '%' && i + 2 < len && (hi = hexval((unsigned char)s[i + 1])) >= 0 &&
                   (lo = hexval((unsigned char)s[i + 2])) >= 0) {
            out[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    return out;
}

static char short_escape(unsigned char c)
{
    switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\b': return 'b';
    case '\f': return 'f';
    default: return 0;
    }
}

static size_t json_escaped_size(const char *s)
{
    size_t n = 1;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (short_escape(*p) || *p < 0x20)
            n += 2;
        else
            n += 1;
    }
    return n;
}

static char *json_escape(const char *s)
{
    static const char hex[] = "0123456789abcdef";
    char *out = malloc(json_escaped_size(s));
    if (!out)
        return NULL;
    char *o = out;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char e = short_escape(*p);
        if (e) {
            *o++ = '\\';
            *o++ = e;
        } else if (*p < 0x20) {
            *o++ = '\\';
            *o++ = 'u';
            *o++ = '0';
            *o++ = '0';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 0x0f];
        } else {
            *o++ = (char)*p;
        }
    }
    *o = '\0';
    return out;
}

static int parse_query(const char *qs, struct form *f)
{
    while (*qs) {
        size_t len = strcspn(qs, "&");
        const char *eq = memchr(qs, '=', len);
        if (eq) {
            size_t klen = (size_t)(eq - qs);
            char **slot = NULL;
            if (klen == 4 && strncmp(qs, "name", 4) == 0)
                slot = &f->name;
            else if (klen == 7 && strncmp(qs, "message", 7) == 0)
                slot = &f->message;
            if (slot) {
                free(*slot);
                *slot = url_decode(eq + 1, len - klen - 1);
                if (!*slot)
                    return -1;
            }
        }
        qs += len;
        if (*qs == '&')
            qs++;
    }
    return 0;
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    struct form f = { NULL, NULL };
    if (parse_query(qs ? qs : "", &f) != 0) {
        printf("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nout of memory\n");
        return 1;
    }
    char *name = json_escape(f.name ? f.name : "anonymous");
    char *message = json_escape(f.message ? f.message : "");
    if (!name || !message) {
        printf("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nout of memory\n");
        free(name);
        free(message);
        free(f.name);
        free(f.message);
        return 1;
    }
    printf("Content-Type: application/json\r\n\r\n");
    printf("{\"name\":\"%s\",\"message\":\"%s\"}\n", name, message);
    free(name);
    free(message);
    free(f.name);
    free(f.message);
    return 0;
}
