/* Reads a TLV-encoded device descriptor file and prints its fields. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

enum { TAG_VENDOR = 1, TAG_PRODUCT = 2, TAG_NAME = 3, TAG_SERIAL = 4 };

struct descriptor {
    uint16_t vendor;
    uint16_t product;
    char name[48];
    char serial[16];
};

static unsigned char *load_file(const char *path, size_t *out_len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 256, len = 0;
    unsigned char *buf = malloc(cap);
    if (!buf) {
        fclose(fp);
        return NULL;
    }
    size_t n;
    while ((n = fread(buf + len, 1, cap - len, fp)) > 0) {
        len += n;
        if (len == cap) {
            if (cap > (1u << 20)) {
                free(buf);
                fclose(fp);
                return NULL;
            }
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(fp);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(fp);
    *out_len = len;
    return buf;
}

static void store_text(char *dst, size_t cap, const unsigned char *val, size_t len)
{
    if (len >= cap)
        len = cap - 1;
    memcpy(dst, val, len);
    dst[len] = '\0';
}

static uint16_t read_u16(const unsigned char *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static int parse_descriptor(const unsigned char *data, size_t size, struct descriptor *d)
{
    size_t pos = 0;
    while (pos + 2 <= size) {
        unsigned tag = data[pos];
        size_t len = data[pos + 1];
        pos += 2;
        if (len > size - pos) {
            fprintf(stderr, "truncated record (tag %u)\n", tag);
            return -1;
        }
        const unsigned char *val = data + pos;
        switch (tag) {
        case TAG_VENDOR:
            if (len == 2)
                d->vendor = read_u16(val);
            break;
        case TAG_PRODUCT:
            if (len == 2)
                d->product = read_u16(val);
            break;
        case TAG_NAME:
            store_text(d->name, sizeof d->name, val, len);
            break;
        case TAG_SERIAL:
            store_text(d->serial, sizeof d->serial, val, len);
            break;
        default:
            break;
        }
        pos += len;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s descriptor.bin\n", argv[0]);
        return 2;
    }
    size_t size = 0;
    unsigned char *data = load_file(argv[1], &size);
    if (!data) {
        perror(argv[1]);
        return 1;
    }
    struct descriptor *d = calloc(1, sizeof *d);
    if (!d) {
        free(data);
        return 1;
    }
    int rc = parse_descriptor(data, size, d);
    if (rc == 0) {
        printf("vendor:  %04x\n", d->vendor);
        printf("product: %04x\n", d->product);
        printf("name:    %s\n", d->name);
        printf("serial:  %s\n", d->serial);
    }
    free(d);
    free(data);
    return rc == 0 ? 0 : 1;
}
