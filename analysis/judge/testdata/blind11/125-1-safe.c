/* Reads a string-table file from stdin and prints the entry with the requested index. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>

#define MAX_INPUT (4u << 20)

struct strtab {
    unsigned char *data;
    size_t size;
    uint32_t count;
    size_t offsets_at;
};

static unsigned char *read_stream(FILE *fp, size_t *out_len)
{
    size_t cap = 1024, len = 0;
    unsigned char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        size_t n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (n == 0)
            break;
        if (len == cap) {
            if (cap >= MAX_INPUT) {
                free(buf);
                return NULL;
            }
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (len == 0) {
        free(buf);
        return NULL;
    }
    unsigned char *fit = realloc(buf, len);
    *out_len = len;
    return fit ? fit : buf;
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static int strtab_open(struct strtab *t, unsigned char *data, size_t size)
{
    if (size < 8 || memcmp(data, "STB1", 4) != 0)
        return -1;
    t->data = data;
    t->size = size;
    t->count = get_u32(data + 4);
    t->offsets_at = 8;
    if (t->count > (size - 8) / 4)
        return -1;
    return 0;
}

static const char *strtab_get(const struct strtab *t, uint32_t index)
{
    if (index >= t->count)
        return NULL;
    uint32_t off = get_u32(t->data + t->offsets_at + 4 * (size_t)index);
    if (off >= t->size || memchr(t->data + off, '\0', t->size - off) == NULL)
        return NULL;
    return (const char *)t->data + off;
}

static int parse_index(const char *s, uint32_t *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end != '\0' || s[0] == '-' || v > UINT32_MAX)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

int main(int argc, char **argv)
{
    uint32_t index;
    if (argc != 2 || parse_index(argv[1], &index) != 0) {
        fprintf(stderr, "usage: %s INDEX < table.stb\n", argv[0]);
        return 2;
    }
    size_t size = 0;
    unsigned char *data = read_stream(stdin, &size);
    if (!data) {
        fprintf(stderr, "could not read input\n");
        return 1;
    }
    struct strtab tab;
    if (strtab_open(&tab, data, size) != 0) {
        fprintf(stderr, "not a string table\n");
        free(data);
        return 1;
    }
    const char *s = strtab_get(&tab, index);
    if (!s) {
        fprintf(stderr, "no entry %u (table has %u)\n", (unsigned)index, (unsigned)tab.count);
        free(data);
        return 1;
    }
    printf("%u: %s\n", (unsigned)index, s);
    free(data);
    return 0;
}
