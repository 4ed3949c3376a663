/* Loads a raw RGBA image ("RIMG" header, then pixel rows) and prints its average colour. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SIDE 65536u

struct image {
    uint32_t width, height;
    uint8_t *pixels;
};

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int load_image(FILE *f, struct image *img)
{
    unsigned char hdr[12];

    if (fread(hdr, 1, sizeof hdr, f) != sizeof hdr || memcmp(hdr, "RIMG", 4) != 0)
        return -1;
    img->width = be32(hdr + 4);
    img->height = be32(hdr + 8);
    if (img->width == 0 || img->height == 0 || img->width > MAX_SIDE || img->height > MAX_SIDE)
        return -1;

    uint32_t bytes = img->width * img->height * 4;
    img->pixels = malloc(bytes);
    if (!img->pixels)
        return -1;
    /* rows missing from a truncated file are left transparent black */
    for (uint32_t y = 0; y < img->height; y++) {
        uint8_t *row = img->pixels + (size_t)y * img->width * 4;
        size_t got = fread(row, 4, img->width, f);
        if (got < img->width)
            memset(row + got * 4, 0, (img->width - got) * 4);
    }
    return 0;
}

static void average(const struct image *img, double rgba[4])
{
    size_t n = (size_t)img->width * img->height;
    for (int c = 0; c < 4; c++)
        rgba[c] = 0;
    for (size_t i = 0; i < n; i++)
        for (int c = 0; c < 4; c++)
            rgba[c] += img->pixels[i * 4 + c];
    for (int c = 0; c < 4; c++)
        rgba[c] /= (double)n;
}

int main(int argc, char **argv)
{
    struct image img = { 0, 0, NULL };
    double avg[4];
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;

    if (!f || load_image(f, &img) < 0) {
        fprintf(stderr, "cannot load image\n");
        return 1;
    }
    average(&img, avg);
    printf("%ux%u average rgba(%.0f, %.0f, %.0f, %.0f)\n",
           img.width, img.height, avg[0], avg[1], avg[2], avg[3]);
    free(img.pixels);
    return 0;
}
