/* Command-line tool that prints a text repeated a number of times with a separator. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_OUTPUT (1u << 20)

struct repeat_opts {
    const char *text;
    const char *sep;
    unsigned count;
    int newline;
};

static int parse_count(const char *s, unsigned *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end != '\0' || *s == '-' || v > 0xffffffffUL)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static size_t piece_len(const struct repeat_opts *o)
{
    return strlen(o->text) + strlen(o->sep);
}

static char *build_repeat(const struct repeat_opts *o, size_t *outlen)
{
    size_t unit = piece_len(o);
    if (unit != 0 && o->count > MAX_OUTPUT / unit)
        return NULL;
    size_t total = unit * o->count;
    char *buf = malloc((size_t)total + 1);
    if (!buf)
        return NULL;
    size_t tlen = strlen(o->text), slen = strlen(o->sep), pos = 0;
    for (unsigned i = 0; i < o->count; i++) {
        memcpy(buf + pos, o->text, tlen);
        pos += tlen;
        if (i + 1 < o->count) {
            memcpy(buf + pos, o->sep, slen);
            pos += slen;
        }
    }
    buf[pos] = '\0';
    *outlen = pos;
    return buf;
}

static void usage(const char *prog)
{
    fprintf(stderr, "usage: %s [-n count] [-s sep] [-N] text\n", prog);
}

int main(int argc, char **argv)
{
    struct repeat_opts o = { NULL, " ", 1, 1 };
    int opt;
    while ((opt = getopt(argc, argv, "n:s:N")) != -1) {
        switch (opt) {
        case 'n':
            if (parse_count(optarg, &o.count) != 0) {
                fprintf(stderr, "bad count: %s\n", optarg);
                return 2;
            }
            break;
        case 's':
            o.sep = optarg;
            break;
        case 'N':
            o.newline = 0;
            break;
        default:
            usage(argv[0]);
            return 2;
        }
    }
    if (optind != argc - 1) {
        usage(argv[0]);
        return 2;
    }
    o.text = argv[optind];
    if (*o.text == '\0') {
        fprintf(stderr, "empty text\n");
        return 2;
    }
    size_t len = 0;
    char *out = build_repeat(&o, &len);
    if (!out) {
        fprintf(stderr, "output would be too large\n");
        return 1;
    }
    fwrite(out, 1, len, stdout);
    if (o.newline)
        putchar('\n');
    free(out);
    return 0;
}
