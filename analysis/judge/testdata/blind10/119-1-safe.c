/* Reads a TLV-encoded device profile file and prints its fields. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define MAX_FILE 4096

enum field_type {
    FT_NAME = 1,
    FT_SERIAL = 2,
    FT_NOTE = 3,
    FT_FIRMWARE = 4
};

struct profile {
    char name[24];
    char serial[16];
    char note[64];
    char firmware[12];
};

static void copy_value(char *dst, size_t cap, const uint8_t *val, size_t len)
{
    if (len >= cap)
        len = cap - 1;
    memcpy(dst, val, len);
    dst[len] = '\0';
}

static int set_field(struct profile *p, int type, const uint8_t *val, size_t len)
{
    char *dst;
    size_t cap;

    switch (type) {
    case FT_NAME:
        dst = p->name;
        cap = sizeof p->name;
        break;
    case FT_SERIAL:
        dst = p->serial;
        cap = sizeof p->serial;
        break;
    case FT_NOTE:
        dst = p->note;
        cap = sizeof p->note;
        break;
    case FT_FIRMWARE:
        dst = p->firmware;
        cap = sizeof p->firmware;
        break;
    default:
        return -1;
    }
    copy_value(dst, cap, val, len);
    return 0;
}

static size_t load_file(const char *path, uint8_t *buf, size_t bufsz)
{
    FILE *fp = fopen(path, "rb");
    size_t n;

    if (!fp) {
        perror(path);
        return 0;
    }
    n = fread(buf, 1, bufsz, fp);
    fclose(fp);
    return n;
}

static int parse_profile(const uint8_t *data, size_t n, struct profile *p)
{
    size_t pos = 4;

    if (n < 4 || memcmp(data, "DPF1", 4) != 0) {
        fprintf(stderr, "not a profile file\n");
        return -1;
    }
    while (pos + 2 <= n) {
        int type = data[pos];
        size_t len = data[pos + 1];

        pos += 2;
        if (len > n - pos) {
            fprintf(stderr, "truncated record at offset %zu\n", pos - 2);
            return -1;
        }
        if (set_field(p, type, data + pos, len) != 0)
            fprintf(stderr, "skipping unknown record type %d\n", type);
        pos += len;
    }
    return 0;
}

int main(int argc, char **argv)
{
    static uint8_t data[MAX_FILE];
    struct profile *p;
    size_t n;
    int rc = 1;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PROFILE\n", argv[0]);
        return 2;
    }
    n = load_file(argv[1], data, sizeof data);
    if (n == 0)
        return 1;
    p = calloc(1, sizeof *p);
    if (!p) {
        perror("calloc");
        return 1;
    }
    if (parse_profile(data, n, p) == 0) {
        printf("name:     %s\n", p->name);
        printf("serial:   %s\n", p->serial);
        printf("firmware: %s\n", p->firmware);
        printf("note:     %s\n", p->note);
        rc = 0;
    }
    free(p);
    return rc;
}
