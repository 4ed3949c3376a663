/* Price table loader: reads a binary file of (id, flags, price) records and prints the total value. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
    uint32_t id;
    uint32_t flags;
    double price;
};

struct table {
    uint32_t count;
    struct record *recs;
};

static int load_table(FILE *fp, struct table *out)
{
    char magic[4];
    uint32_t count;
    if (fread(magic, 1, 4, fp) != 4 || memcmp(magic, "PTB1", 4) != 0)
        return -1;
    if (fread(&count, sizeof count, 1, fp) != 1 || count == 0)
        return -1;

    if (count > (1u << 20))
        return -1;
    size_t bytes = (size_t)count * sizeof(struct record);
    struct record *recs = malloc(bytes);
    if (!recs)
        return -1;
    uint32_t i;
    for (i = 0; i < count; i++)
        if (fread(&recs[i], sizeof recs[i], 1, fp) != 1)
            break;
    out->count = i;
    out->recs = recs;
    return 0;
}

int main(int argc, char **argv)
{
    struct table t;
    FILE *fp = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!fp || load_table(fp, &t) != 0) {
        fprintf(stderr, "cannot load price table\n");
        return 1;
    }
    double total = 0;
    for (uint32_t i = 0; i < t.count; i++)
        if (!(t.recs[i].flags & 1))
            total += t.recs[i].price;
    printf("%u records, total %.2f\n", t.count, total);
    free(t.recs);
    if (fp != stdin)
        fclose(fp);
    return 0;
}
