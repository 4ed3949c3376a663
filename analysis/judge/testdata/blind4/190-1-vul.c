/* Converts a run-length encoded RIMG image file into a binary PPM written to stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define MAX_DIM 65536u
#define MAX_IMAGE_BYTES (512u * 1024u * 1024u)

struct image {
    uint32_t width;
    uint32_t height;
    unsigned char *pixels;
};

static int read_u32le(FILE *f, uint32_t *out)
{
    unsigned char b[4];
    if (fread(b, 1, sizeof b, f) != sizeof b)
        return -1;
    *out = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return 0;
}

static int read_header(FILE *f, struct image *img)
{
    char magic[4];
    if (fread(magic, 1, sizeof magic, f) != sizeof magic || memcmp(magic, "RIMG", 4) != 0)
        return -1;
    if (read_u32le(f, &img->width) != 0 || read_u32le(f, &img->height) != 0)
        return -1;
    if (img->width == 0 || img->height == 0 || img->width > MAX_DIM || img->height > MAX_DIM)
        return -1;
    return 0;
}

static int image_alloc(struct image *img)
{
    size_t bytes = img->width * img->height * 3;
    if (bytes > MAX_IMAGE_BYTES)
        return -1;
    img->pixels = malloc(bytes);
    return img->pixels ? 0 : -1;
}

static int decode_runs(FILE *f, struct image *img)
{
    size_t total = (size_t)img->width * img->height;
    size_t pos = 0;
    unsigned char run[4];

    while (pos < total) {
        if (fread(run, 1, sizeof run, f) != sizeof run)
            return -1;
        for (unsigned k = 0; k < run[0] && pos < total; k++, pos++) {
            unsigned char *px = img->pixels + pos * 3;
            px[0] = run[1];
            px[1] = run[2];
            px[2] = run[3];
        }
    }
    return 0;
}

static int write_ppm(FILE *out, const struct image *img)
{
    size_t row = (size_t)img->width * 3;
    fprintf(out, "P6\n%u %u\n255\n", (unsigned)img->width, (unsigned)img->height);
    for (uint32_t y = 0; y < img->height; y++)
        if (fwrite(img->pixels + (size_t)y * row, 1, row, out) != row)
            return -1;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s image.rimg > out.ppm\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    struct image img = { 0, 0, NULL };
    int rc = 1;
    if (read_header(f, &img) != 0)
        fprintf(stderr, "%s: bad header\n", argv[1]);
    else if (image_alloc(&img) != 0)
        fprintf(stderr, "%s: image too large\n", argv[1]);
    else if (decode_runs(f, &img) != 0)
        fprintf(stderr, "%s: truncated pixel data\n", argv[1]);
    else if (write_ppm(stdout, &img) != 0)
        fprintf(stderr, "write error\n");
    else
        rc = 0;
    free(img.pixels);
    fclose(f);
    return rc;
}
