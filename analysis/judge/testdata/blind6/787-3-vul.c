/* Reads lines from stdin and prints each one as a quoted C string literal. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct quoted {
    char *text;
    size_t len;
};

static const char *simple_escape(unsigned char c)
{
    switch (c) {
    case '\n': return "\\n";
    case '\t': return "\\t";
    case '\r': return "\\r";
    case '\\': return "\\\\";
    case '"': return "\\\"";
    default: return NULL;
    }
}

static size_t escaped_len(const unsigned char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (simple_escape(s[i]))
            n += 2;
        else if (s[i] < 0x20)
            n += 4;
        else
            n += 1;
    }
    return n;
}

static int quote_bytes(const unsigned char *s, size_t len, struct quoted *q)
{
    static const char digits[] = "0123456789abcdef";
    size_t need, o = 0;
    char *out;

    if (len > (SIZE_MAX - 3) / 4)
        return -1;
    need = escaped_len(s, len) + 3;
    out = malloc(need);
    if (!out)
        return -1;
    out[o++] = '"';
    for (size_t i = 0; i < len; i++) {
        const char *e = simple_escape(s[i]);
        if (e) {
            out[o++] = e[0];
            out[o++] = e[1];
        } else if (!isprint(s[i])) {
            out[o++] = '\\';
            out[o++] = 'x';
            out[o++] = digits[s[i] >> 4];
            out[o++] = digits[s[i] & 0x0f];
        } else {
            out[o++] = (char)s[i];
        }
    }
    out[o++] = '"';
    out[o] = '\0';
    q->text = out;
    q->len = o;
    return 0;
}

static size_t strip_newline(char *line, size_t len)
{
    if (len > 0 && line[len - 1] == '\n')
        len--;
    if (len > 0 && line[len - 1] == '\r')
        len--;
    return len;
}

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    unsigned long lineno = 0;
    int status = 0;

    while ((got = getline(&line, &cap, stdin)) != -1) {
        struct quoted q;
        size_t len = strip_newline(line, (size_t)got);
        lineno++;
        if (quote_bytes((const unsigned char *)line, len, &q) != 0) {
            fprintf(stderr, "line %lu: out of memory\n", lineno);
            status = 1;
            break;
        }
        printf("%5lu: %s\n", lineno, q.text);
        free(q.text);
    }
    free(line);
    return status;
}
