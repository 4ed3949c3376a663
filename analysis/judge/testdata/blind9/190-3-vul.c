/* Writes a checkerboard test pattern as a binary PPM image to stdout: usage WIDTH HEIGHT CELL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>

#define MAX_IMAGE_BYTES (64 * 1024 * 1024)

struct image {
    int width;
    int height;
    int stride;
    unsigned char *pixels;
};

static int parse_dim(const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v <= 0 || v > INT_MAX)
        return -1;
    *out = (int)v;
    return 0;
}

static int image_init(struct image *img, int width, int height)
{
    int stride = width * 3;
    int size = stride * height;
    if (size <= 0 || size > MAX_IMAGE_BYTES)
        return -1;
    img->pixels = malloc((size_t)size);
    if (!img->pixels)
        return -1;
    img->width = width;
    img->height = height;
    img->stride = stride;
    return 0;
}

static void put_pixel(struct image *img, int x, int y, const unsigned char rgb[3])
{
    unsigned char *p = img->pixels + (size_t)y * (size_t)img->stride + (size_t)x * 3;
    memcpy(p, rgb, 3);
}

static void draw_checkerboard(struct image *img, int cell)
{
    static const unsigned char dark[3] = {40, 40, 40};
    static const unsigned char light[3] = {220, 220, 220};
    for (int y = 0; y < img->height; y++)
        for (int x = 0; x < img->width; x++)
            put_pixel(img, x, y, ((x / cell + y / cell) % 2) ? dark : light);
}

static int write_ppm(const struct image *img, FILE *out)
{
    if (fprintf(out, "P6\n%d %d\n255\n", img->width, img->height) < 0)
        return -1;
    for (int y = 0; y < img->height; y++)
        if (fwrite(img->pixels + (size_t)y * (size_t)img->stride, 1, (size_t)img->stride, out) != (size_t)img->stride)
            return -1;
    return 0;
}

int main(int argc, char **argv)
{
    struct image img = {0};
    int width, height, cell;
    if (argc != 4 || parse_dim(argv[1], &width) || parse_dim(argv[2], &height) || parse_dim(argv[3], &cell)) {
        fprintf(stderr, "usage: %s WIDTH HEIGHT CELL\n", argv[0]);
        return 1;
    }
    if (image_init(&img, width, height) != 0) {
        fprintf(stderr, "image too large\n");
        return 1;
    }
    draw_checkerboard(&img, cell);
    int rc = write_ppm(&img, stdout);
    free(img.pixels);
    if (rc != 0) {
        fprintf(stderr, "write failed\n");
        return 1;
    }
    return 0;
}
