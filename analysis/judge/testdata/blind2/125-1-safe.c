/* Lists the chunks of a RIFF/WAVE file and prints the audio format it declares. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }

static uint8_t *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    long n;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n)) != NULL && fread(buf, 1, (size_t)n, f) == (size_t)n) {
        *size = (size_t)n;
    } else {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

static void show_format(const uint8_t *fmt)
{
    printf("  format %u, %u channel(s), %u Hz, %u bits\n",
           rd16(fmt), rd16(fmt + 2), (unsigned)rd32(fmt + 4), rd16(fmt + 14));
}

static int walk_chunks(const uint8_t *buf, size_t size)
{
    size_t off = 12;

    if (size < 12 || memcmp(buf, "RIFF", 4) != 0 || memcmp(buf + 8, "WAVE", 4) != 0)
        return -1;
    while (off + 8 <= size) {
        uint32_t clen = rd32(buf + off + 4);
        if (clen > size - off - 8) {
            fprintf(stderr, "chunk length %u exceeds file\n", (unsigned)clen);
            return -1;
        }
        printf("%.4s %u bytes at %zu\n", (const char *)(buf + off), (unsigned)clen, off);
        if (memcmp(buf + off, "fmt ", 4) == 0 && clen >= 16)
            show_format(buf + off + 8);
        off += 8 + (size_t)clen + (clen & 1);
    }
    return 0;
}

int main(int argc, char **argv)
{
    size_t size = 0;
    uint8_t *buf;
    int rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.wav\n", argv[0]);
        return 2;
    }
    if (!(buf = slurp(argv[1], &size))) {
        perror(argv[1]);
        return 1;
    }
    rc = walk_chunks(buf, size);
    free(buf);
    return rc == 0 ? 0 : 1;
}
