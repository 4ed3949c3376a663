/* Converts a text palette-indexed image read from stdin into a plain PPM (P3) image on stdout. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DIM 4096
#define MAX_COLORS 256

struct rgb {
    unsigned char r, g, b;
};

struct palette_image {
    int width;
    int height;
    int ncolors;
    struct rgb *palette;
};

static int read_int(FILE *in, int *out)
{
    int c;
    for (;;) {
        c = fgetc(in);
        if (c == '#') {
            while (c != '\n' && c != EOF)
                c = fgetc(in);
        } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            break;
        }
    }
    if (c == EOF)
        return 0;
    ungetc(c, in);
    return fscanf(in, "%d", out) == 1;
}

static int read_header(FILE *in, struct palette_image *img)
{
    char magic[3] = { 0 };
    if (fread(magic, 1, 2, in) != 2 || strcmp(magic, "PX") != 0)
        return -1;
    if (!read_int(in, &img->width) || !read_int(in, &img->height) || !read_int(in, &img->ncolors))
        return -1;
    if (img->width <= 0 || img->width > MAX_DIM || img->height <= 0 || img->height > MAX_DIM)
        return -1;
    if (img->ncolors <= 0 || img->ncolors > MAX_COLORS)
        return -1;
    return 0;
}

static int read_palette(FILE *in, struct palette_image *img)
{
    int i;
    img->palette = calloc((size_t)img->ncolors, sizeof(struct rgb));
    if (!img->palette)
        return -1;
    for (i = 0; i < img->ncolors; i++) {
        int r, g, b;
        if (!read_int(in, &r) || !read_int(in, &g) || !read_int(in, &b))
            return -1;
        if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255)
            return -1;
        img->palette[i].r = (unsigned char)r;
        img->palette[i].g = (unsigned char)g;
        img->palette[i].b = (unsigned char)b;
    }
    return 0;
}

static const struct rgb *lookup_color(const struct palette_image *img, int index)
{
    if (index < 0 || index >= img->ncolors)
        return NULL;
    return &img->palette[index];
}

static int convert_pixels(FILE *in, FILE *out, const struct palette_image *img)
{
    int x, y;
    fprintf(out, "P3\n%d %d\n255\n", img->width, img->height);
    for (y = 0; y < img->height; y++) {
        for (x = 0; x < img->width; x++) {
            int idx;
            const struct rgb *c;
            if (!read_int(in, &idx)) {
                fprintf(stderr, "truncated pixel data at %d,%d\n", x, y);
                return -1;
            }
            c = lookup_color(img, idx);
            if (!c) {
                fprintf(stderr, "bad color index %d at %d,%d\n", idx, x, y);
                return -1;
            }
            fprintf(out, "%u %u %u%c", c->r, c->g, c->b, x + 1 == img->width ? '\n' : ' ');
        }
    }
    return 0;
}

int main(void)
{
    struct palette_image img;
    int rc = 1;

    memset(&img, 0, sizeof(img));
    if (read_header(stdin, &img) != 0) {
        fprintf(stderr, "invalid header\n");
        return 1;
    }
    if (read_palette(stdin, &img) != 0)
        fprintf(stderr, "invalid palette\n");
    else if (convert_pixels(stdin, stdout, &img) == 0)
        rc = 0;
    free(img.palette);
    return rc;
}
