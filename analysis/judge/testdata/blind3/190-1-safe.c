// Raw greyscale image loader: reads a "width height" header and pixel rows from a file and reports average brightness.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_PIXELS (64u * 1024u * 1024u)

struct image {
    uint32_t w, h;
    uint8_t *px;
};

static int load_image(FILE *f, struct image *img)
{
    uint32_t w, h, size;

    if (fscanf(f, "%u %u", &w, &h) != 2 || fgetc(f) != '\n')
        return -1;
    if (w == 0 || h == 0)
        return -1;
    if (w > MAX_PIXELS / h)
        return -1;
    size = w * h;
    img->px = malloc(size ? size : 1);
    if (!img->px)
        return -1;
    for (uint32_t y = 0; y < h; y++) {
        if (fread(img->px + (size_t)y * w, 1, w, f) != w) {
            free(img->px);
            img->px = NULL;
            return -1;
        }
    }
    img->w = w;
    img->h = h;
    return 0;
}

static double brightness(const struct image *img)
{
    uint64_t sum = 0;
    size_t n = (size_t)img->w * img->h;
    for (size_t i = 0; i < n; i++)
        sum += img->px[i];
    return (double)sum / (double)n;
}

int main(int argc, char **argv)
{
    struct image img = {0};
    FILE *f;

    if (argc != 2) {
        fprintf(stderr, "usage: %s IMAGE\n", argv[0]);
        return 2;
    }
    f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    if (load_image(f, &img) != 0) {
        fprintf(stderr, "%s: bad or truncated image\n", argv[1]);
        fclose(f);
        return 1;
    }
    fclose(f);
    printf("%ux%u, mean %.1f\n", img.w, img.h, brightness(&img));
    free(img.px);
    return 0;
}
