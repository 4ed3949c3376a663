/* Converts plain text read from stdin into an HTML page with one paragraph per input line. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE 256

static const char *entity_for(unsigned char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

/* Escapes as much of in[0..inlen) as fits in out; returns the number of input bytes consumed. */
static size_t escape_chunk(const char *in, size_t inlen, char *out, size_t outsz, size_t *outlen)
{
    size_t i, o = 0;

    for (i = 0; i < inlen; i++) {
        const char *rep = entity_for((unsigned char)in[i]);
        size_t rlen = rep ? strlen(rep) : 1;

        if (rlen > outsz - o)
            break;
        if (rep)
            memcpy(out + o, rep, rlen);
        else
            out[o] = in[i];
        o += rlen;
    }
    *outlen = o;
    return i;
}

static int emit_escaped(FILE *fp, const char *text, size_t len)
{
    char buf[CHUNK_SIZE];
    size_t pos = 0;

    while (pos < len) {
        size_t n;
        size_t used = escape_chunk(text + pos, len - pos, buf, sizeof buf, &n);

        if (used == 0)
            return -1;
        if (fwrite(buf, 1, n, fp) != n)
            return -1;
        pos += used;
    }
    return 0;
}

static int emit_paragraph(FILE *fp, const char *line, size_t len)
{
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    if (len == 0)
        return 0;
    fputs("<p>", fp);
    if (emit_escaped(fp, line, len) != 0)
        return -1;
    fputs("</p>\n", fp);
    return 0;
}

int main(int argc, char **argv)
{
    const char *title = argc > 1 ? argv[1] : "Document";
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;

    fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>", stdout);
    emit_escaped(stdout, title, strlen(title));
    fputs("</title></head>\n<body>\n", stdout);

    while ((n = getline(&line, &cap, stdin)) != -1) {
        if (emit_paragraph(stdout, line, (size_t)n) != 0) {
            fprintf(stderr, "write error\n");
            rc = 1;
            break;
        }
    }
    free(line);
    fputs("</body></html>\n", stdout);
    return rc;
}
