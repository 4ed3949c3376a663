/* Decodes hex-encoded key material given on the command line and prints its length and fingerprint. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct blob {
    unsigned char *data;
    size_t len;
};

static int nibble(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes hex into out; an odd trailing digit is treated as the high nibble of a final byte. */
static int hex_decode(const char *hex, struct blob *out)
{
    size_t len = strlen(hex);

    if (len >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) {
        hex += 2;
        len -= 2;
    }
    out->len = len / 2;
    out->data = malloc(out->len ? out->len : 1);
    if (!out->data)
        return -1;
    for (size_t i = 0; i < len; i += 2) {
        int hi = nibble(hex[i]);
        int lo = i + 1 < len ? nibble(hex[i + 1]) : 0;
        if (hi < 0 || lo < 0) {
            free(out->data);
            return -1;
        }
        out->data[i / 2] = (unsigned char)(hi << 4 | lo);
    }
    return 0;
}

static uint32_t fnv1a(const struct blob *b)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < b->len; i++)
        h = (h ^ b->data[i]) * 16777619u;
    return h;
}

int main(int argc, char **argv)
{
    struct blob key;

    if (argc != 2) {
        fprintf(stderr, "usage: %s HEX\n", argv[0]);
        return 2;
    }
    if (hex_decode(argv[1], &key) < 0) {
        fprintf(stderr, "invalid hex\n");
        return 1;
    }
    printf("%zu bytes, fingerprint %08x\n", key.len, (unsigned)fnv1a(&key));
    free(key.data);
    return 0;
}
