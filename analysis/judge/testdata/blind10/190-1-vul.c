/* Reads a simple raw image (SIMG format) from stdin and prints per-channel mean values. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DIM 100000u
#define MAX_IMAGE_BYTES (256u * 1024u * 1024u)

struct image {
    uint32_t width;
    uint32_t height;
    uint32_t channels;
    uint32_t stride;
    uint32_t size;
    unsigned char *pixels;
};

static uint32_t read_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int read_header(FILE *fp, struct image *img)
{
    unsigned char hdr[13];
    if (fread(hdr, 1, sizeof hdr, fp) != sizeof hdr)
        return -1;
    if (memcmp(hdr, "SIMG", 4) != 0)
        return -1;
    img->width = read_le32(hdr + 4);
    img->height = read_le32(hdr + 8);
    img->channels = hdr[12];
    if (img->width == 0 || img->height == 0 || img->width > MAX_DIM || img->height > MAX_DIM)
        return -1;
    if (img->channels < 1 || img->channels > 4)
        return -1;
    return 0;
}

static int image_alloc(struct image *img)
{
    img->stride = img->width * img->channels;
    img->size = img->stride * img->height;
    if (img->size > MAX_IMAGE_BYTES)
        return -1;
    img->pixels = malloc(img->size);
    return img->pixels ? 0 : -1;
}

static int read_pixels(FILE *fp, struct image *img)
{
    for (uint32_t y = 0; y < img->height; y++) {
        unsigned char *row = img->pixels + (size_t)y * img->stride;
        if (fread(row, 1, img->stride, fp) != img->stride)
            return -1;
    }
    return 0;
}

static void print_means(const struct image *img)
{
    unsigned long long sum[4] = {0, 0, 0, 0};
    for (uint32_t y = 0; y < img->height; y++) {
        const unsigned char *row = img->pixels + (size_t)y * img->stride;
        for (uint32_t x = 0; x < img->width; x++)
            for (uint32_t c = 0; c < img->channels; c++)
                sum[c] += row[(size_t)x * img->channels + c];
    }
    unsigned long long npix = (unsigned long long)img->width * img->height;
    printf("%ux%u, %u channel(s)\n", img->width, img->height, img->channels);
    for (uint32_t c = 0; c < img->channels; c++)
        printf("channel %u mean %.2f\n", c, (double)sum[c] / (double)npix);
}

int main(void)
{
    struct image img;
    memset(&img, 0, sizeof img);
    if (read_header(stdin, &img) != 0) {
        fprintf(stderr, "not a valid SIMG image\n");
        return 1;
    }
    if (image_alloc(&img) != 0) {
        fprintf(stderr, "image too large\n");
        return 1;
    }
    if (read_pixels(stdin, &img) != 0) {
        fprintf(stderr, "truncated pixel data\n");
        free(img.pixels);
        return 1;
    }
    print_means(&img);
    free(img.pixels);
    return 0;
}
