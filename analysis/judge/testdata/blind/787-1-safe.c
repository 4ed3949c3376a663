/* Grayscale image stats: reads a simple raw image file (header + rows) and prints per-row brightness. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define MAX_WIDTH 256

struct img_header {
    char magic[4];
    uint16_t width;
    uint16_t height;
};

static int read_header(FILE *fp, struct img_header *h)
{
    if (fread(h, sizeof *h, 1, fp) != 1)
        return -1;
    if (memcmp(h->magic, "GRY1", 4) != 0)
        return -1;
    if (h->width == 0 || h->width > MAX_WIDTH)
        return -1;
    return 0;
}

static int row_mean(FILE *fp, const struct img_header *h, double *mean)
{
    unsigned char row[MAX_WIDTH];
    size_t got = fread(row, 1, h->width, fp);
    if (got != h->width || got == 0)
        return -1;
    unsigned long sum = 0;
    for (size_t i = 0; i < got; i++)
        sum += row[i];
    *mean = (double)sum / (double)got;
    return 0;
}

int main(int argc, char **argv)
{
    struct img_header h;
    FILE *fp;
    if (argc != 2 || !(fp = fopen(argv[1], "rb"))) {
        fprintf(stderr, "usage: %s IMAGE\n", argv[0]);
        return 2;
    }
    if (read_header(fp, &h) != 0) {
        fprintf(stderr, "not a GRY1 image\n");
        fclose(fp);
        return 1;
    }
    for (unsigned y = 0; y < h.height; y++) {
        double m;
        if (row_mean(fp, &h, &m) != 0) {
            fprintf(stderr, "truncated at row %u\n", y);
            break;
        }
        printf("row %u: %.1f\n", y, m);
    }
    fclose(fp);
    return 0;
}
