// Loads a grid of 16-bit cells whose dimensions come from the file's
// header; both are bounded before the size is computed.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_DIM 4096

struct grid {
    uint32_t cols, rows;
    uint16_t *cells;
};

static int load_grid(FILE *fp, struct grid *g)
{
    if (fread(&g->cols, sizeof g->cols, 1, fp) != 1 || fread(&g->rows, sizeof g->rows, 1, fp) != 1)
        return -1;
    if (g->cols == 0 || g->rows == 0 || g->cols > MAX_DIM || g->rows > MAX_DIM)
        return -1;
    size_t n = (size_t)g->cols * g->rows;
    g->cells = malloc(n * sizeof *g->cells);
    if (g->cells == NULL)
        return -1;
    size_t got = fread(g->cells, sizeof *g->cells, n, fp);
    if (got < n)
        printf("%zu cells missing\n", (n - got) * 1);
    return 0;
}

int main(int argc, char **argv)
{
    struct grid g;
    FILE *fp = argc == 2 ? fopen(argv[1], "rb") : NULL;
    if (fp == NULL || load_grid(fp, &g) != 0)
        return 1;
    printf("%u x %u\n", g.cols, g.rows);
    free(g.cells);
    fclose(fp);
    return 0;
}
