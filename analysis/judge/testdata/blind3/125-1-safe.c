// TLV dump tool: reads a binary type-length-value file and prints each record as hex.
#include <stdio.h>
#include <stdlib.h>

static unsigned char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf;
    long sz;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (sz = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)sz);
    if (buf && fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *n = (size_t)sz;
    return buf;
}

static unsigned dump(const unsigned char *buf, size_t n)
{
    size_t pos = 0;
    unsigned records = 0;

    while (pos + 2 <= n) {
        unsigned type = buf[pos], len = buf[pos + 1];
        const unsigned char *val = buf + pos + 2;

        if (len > n - pos - 2) {
            fprintf(stderr, "record at offset %zu truncated\n", pos);
            break;
        }

        printf("type %3u len %3u:", type, len);
        for (unsigned i = 0; i < len; i++)
            printf(" %02x", val[i]);
        putchar('\n');
        pos += 2 + (size_t)len;
        records++;
    }
    return records;
}

int main(int argc, char **argv)
{
    size_t n = 0;
    unsigned char *buf;

    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    buf = read_all(argv[1], &n);
    if (!buf) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    printf("%u records\n", dump(buf, n));
    free(buf);
    return 0;
}
