// Prints the bytes of each command-line argument as digits of a table of
// 16, taking the top bits of each byte and then the low ones.
#include <stdio.h>
#include <string.h>

static void encode(const unsigned char *in, size_t len, char *out);

int main(int argc, char **argv)
{
    char out[129];
    for (int i = 1; i < argc; i++) {
        size_t n = strlen(argv[i]);
        if (n > 64)
            n = 64;
        encode((const unsigned char *)argv[i], n, out);
        puts(out);
    }
    return 0;
}

static const char kDigits[16] = "0123456789abcdef";

static void encode(const unsigned char *in, size_t len, char *out)
{
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = kDigits[in[i] >> 4];
        out[2 * i + 1] = kDigits[in[i] & 0x0f];
    }
    out[2 * len] = '\0';
}
