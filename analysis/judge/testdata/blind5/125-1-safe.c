/* Converts a paletted PIX1 image read from stdin into a plain-text PPM on stdout. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DIM 4096

struct rgb {
    uint8_t r, g, b;
};

struct image {
    unsigned width, height;
    unsigned ncolors;
    struct rgb *palette;
    uint8_t *pixels;
};

static int read_exact(FILE *fp, void *buf, size_t n)
{
    return fread(buf, 1, n, fp) == n ? 0 : -1;
}

static int read_u16le(FILE *fp, unsigned *out)
{
    uint8_t b[2];
    if (read_exact(fp, b, 2) != 0)
        return -1;
    *out = (unsigned)b[0] | ((unsigned)b[1] << 8);
    return 0;
}

static void free_image(struct image *img)
{
    free(img->palette);
    free(img->pixels);
    img->palette = NULL;
    img->pixels = NULL;
}

static int load_image(FILE *fp, struct image *img)
{
    char magic[4];
    uint8_t nc;
    memset(img, 0, sizeof(*img));
    if (read_exact(fp, magic, 4) != 0 || memcmp(magic, "PIX1", 4) != 0)
        return -1;
    if (read_u16le(fp, &img->width) != 0 || read_u16le(fp, &img->height) != 0)
        return -1;
    if (img->width == 0 || img->height == 0 || img->width > MAX_DIM || img->height > MAX_DIM)
        return -1;
    if (read_exact(fp, &nc, 1) != 0 || nc == 0)
        return -1;
    img->ncolors = nc;

    img->palette = calloc(img->ncolors, sizeof(struct rgb));
    if (!img->palette)
        return -1;
    for (unsigned i = 0; i < img->ncolors; i++) {
        uint8_t c[3];
        if (read_exact(fp, c, 3) != 0)
            return -1;
        img->palette[i].r = c[0];
        img->palette[i].g = c[1];
        img->palette[i].b = c[2];
    }

    size_t npix = (size_t)img->width * img->height;
    img->pixels = malloc(npix);
    if (!img->pixels)
        return -1;
    if (read_exact(fp, img->pixels, npix) != 0)
        return -1;
    return 0;
}

static int lookup_color(const struct image *img, uint8_t index, struct rgb *out)
{
    if (index >= img->ncolors)
        return -1;
    *out = img->palette[index];
    return 0;
}

static int write_ppm(const struct image *img, FILE *out)
{
    fprintf(out, "P3\n%u %u\n255\n", img->width, img->height);
    for (unsigned y = 0; y < img->height; y++) {
        for (unsigned x = 0; x < img->width; x++) {
            struct rgb c;
            if (lookup_color(img, img->pixels[(size_t)y * img->width + x], &c) != 0) {
                fprintf(stderr, "pixel %u,%u: bad palette index\n", x, y);
                return -1;
            }
            fprintf(out, "%s%u %u %u", x ? "  " : "", c.r, c.g, c.b);
        }
        fputc('\n', out);
    }
    return 0;
}

int main(void)
{
    struct image img;
    if (load_image(stdin, &img) != 0) {
        fprintf(stderr, "invalid or truncated PIX1 image\n");
        free_image(&img);
        return 1;
    }
    int rc = write_ppm(&img, stdout) == 0 ? 0 : 1;
    free_image(&img);
    return rc;
}
