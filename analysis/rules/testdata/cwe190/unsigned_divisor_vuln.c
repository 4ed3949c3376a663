// Reads a table header "rows cols" from stdin and allocates the cells.
// The limit is tested on the product after it was computed, when a
// wrapped 32-bit product is already small.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_CELLS (1u << 24)

struct table {
    uint32_t rows, cols;
    uint8_t *cells;
};

static int table_alloc(struct table *t) {
    uint32_t rows, cols, n;
    if (scanf("%u %u", &rows, &cols) != 2 || rows == 0 || cols == 0) {
        return -1;
    }
    n = rows * cols; // want CWE-190
    if (n > MAX_CELLS) {
        return -1;
    }
    t->cells = calloc(n, 1);
    if (t->cells == NULL) {
        return -1;
    }
    t->rows = rows;
    t->cols = cols;
    return 0;
}

int main(void) {
    struct table t;
    if (table_alloc(&t) != 0) {
        return 1;
    }
    printf("%u x %u\n", t.rows, t.cols);
    free(t.cells);
    return 0;
}
