/* Reads a raw RGB/RGBA/gray image file, converts it to grayscale and prints a 16-bucket brightness histogram. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IMAGE_BYTES (256u * 1024u * 1024u)

struct img_header {
    char magic[4];        /* "RIMG" */
    uint32_t width;
    uint32_t height;
    uint8_t channels;     /* 1, 3 or 4 */
};

struct image {
    uint32_t width;
    uint32_t height;
    uint8_t channels;
    uint8_t *pixels;
};

static uint32_t read_u32le(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int read_header(FILE *fp, struct img_header *h)
{
    unsigned char raw[13];
    if (fread(raw, 1, sizeof raw, fp) != sizeof raw)
        return -1;
    memcpy(h->magic, raw, 4);
    h->width = read_u32le(raw + 4);
    h->height = read_u32le(raw + 8);
    h->channels = raw[12];
    if (memcmp(h->magic, "RIMG", 4) != 0)
        return -1;
    if (h->channels != 1 && h->channels != 3 && h->channels != 4)
        return -1;
    if (h->width == 0 || h->height == 0)
        return -1;
    return 0;
}

static int image_alloc(struct image *img, const struct img_header *h)
{
    uint64_t npix = (uint64_t)h->width * h->height;
    if (npix > MAX_IMAGE_BYTES / h->channels)
        return -1;
    size_t bytes = (size_t)npix * h->channels;
    img->width = h->width;
    img->height = h->height;
    img->channels = h->channels;
    img->pixels = malloc(bytes);
    return img->pixels ? 0 : -1;
}

static int image_load_pixels(FILE *fp, struct image *img)
{
    for (uint32_t y = 0; y < img->height; y++) {
        for (uint32_t x = 0; x < img->width; x++) {
            uint8_t *px = img->pixels + ((size_t)y * img->width + x) * img->channels;
            for (uint8_t c = 0; c < img->channels; c++) {
                int ch = fgetc(fp);
                if (ch == EOF)
                    return -1;
                px[c] = (uint8_t)ch;
            }
        }
    }
    return 0;
}

static uint8_t luma(const uint8_t *px, uint8_t channels)
{
    if (channels == 1)
        return px[0];
    return (uint8_t)((px[0] * 77u + px[1] * 150u + px[2] * 29u) >> 8);
}

static void print_histogram(const struct image *img)
{
    unsigned long buckets[16] = {0};
    size_t count = (size_t)img->width * img->height;
    for (size_t i = 0; i < count; i++)
        buckets[luma(img->pixels + i * img->channels, img->channels) >> 4]++;
    for (int b = 0; b < 16; b++)
        printf("%3d-%3d: %lu\n", b * 16, b * 16 + 15, buckets[b]);
}

int main(int argc, char **argv)
{
    struct img_header hdr;
    struct image img;
    FILE *fp;

    if (argc != 2) {
        fprintf(stderr, "usage: %s IMAGE\n", argv[0]);
        return 2;
    }
    fp = fopen(argv[1], "rb");
    if (fp == NULL) {
        perror(argv[1]);
        return 1;
    }
    if (read_header(fp, &hdr) != 0) {
        fprintf(stderr, "%s: not a valid RIMG file\n", argv[1]);
        fclose(fp);
        return 1;
    }
    if (image_alloc(&img, &hdr) != 0) {
        fprintf(stderr, "cannot allocate %ux%u image\n", (unsigned)hdr.width, (unsigned)hdr.height);
        fclose(fp);
        return 1;
    }
    if (image_load_pixels(fp, &img) != 0) {
        fprintf(stderr, "%s: truncated pixel data\n", argv[1]);
        free(img.pixels);
        fclose(fp);
        return 1;
    }
    fclose(fp);
    printf("%ux%u, %u channel(s)\n", (unsigned)img.width, (unsigned)img.height, (unsigned)img.channels);
    print_histogram(&img);
    free(img.pixels);
    return 0;
}
