/* Normalises "Name: value" header lines from stdin into a CRLF header block and reports the Host. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct strbuf {
    char *data;
    size_t len, cap;
};

static int sb_append(struct strbuf *sb, const char *s, size_t n)
{
    if (sb->len + n + 1 > sb->cap) {
        size_t ncap = sb->cap ? sb->cap : 64;
        while (ncap < sb->len + n + 1)
            ncap *= 2;
        char *p = realloc(sb->data, ncap);
        if (!p)
            return -1;
        sb->data = p;
        sb->cap = ncap;
    }
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
    return 0;
}

struct headers {
    struct strbuf block;
    const char *host;       /* value of the Host header inside block */
    int count;
};

static int add_header(struct headers *h, const char *line, size_t len)
{
    size_t start = h->block.len;

    if (sb_append(&h->block, line, len) < 0 || sb_append(&h->block, "\r\n", 2) < 0)
        return -1;
    if (len > 5 && strncasecmp(line, "Host:", 5) == 0)
        h->host = h->block.data + start + 5 + strspn(line + 5, " \t");
    h->count++;
    return 0;
}

int main(void)
{
    struct headers h = { { NULL, 0, 0 }, NULL, 0 };
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;

    while ((n = getline(&line, &cap, stdin)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0 || !strchr(line, ':'))
            continue;
        if (add_header(&h, line, (size_t)n) < 0)
            break;
    }
    free(line);
    printf("%d headers, %zu bytes\n", h.count, h.block.len);
    if (h.host)
        printf("host: %.*s\n", (int)strcspn(h.host, "\r"), h.host);
    free(h.block.data);
    return 0;
}
