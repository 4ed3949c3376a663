// A cache index is saved as an array of records and loaded back whole;
// each record's link to the next is the pointer stored in the file.
#include <stdio.h>

#define MAX_RECS 64

struct rec {
    int key;
    int value;
    struct rec *next;
};

static struct rec recs[MAX_RECS];

static int sum_chain(const struct rec *r) {
    int total = 0;
    for (int steps = 0; r != NULL && steps < MAX_RECS; steps++) {
        total += r->value;
        r = r->next;
    }
    return total;
}

static int load_index(FILE *fp) {
    size_t n = fread(recs, sizeof recs[0], MAX_RECS, fp); // want CWE-502
    if (n == 0) {
        return -1;
    }
    return sum_chain(recs[0].next);
}

int main(void) {
    FILE *fp = fopen("/var/cache/app/index.bin", "rb");
    if (fp == NULL) {
        return 1;
    }
    int total = load_index(fp);
    fclose(fp);
    printf("%d\n", total);
    return 0;
}
