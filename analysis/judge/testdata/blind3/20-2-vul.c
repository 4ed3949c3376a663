// Point-of-sale helper: applies "SKU QTY" sale lines from stdin to an in-memory stock table and prints the till total.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
    const char *sku;
    int stock;
    long price_cents;
};

static struct item catalog[] = {
    {"apple", 40, 55},
    {"bread", 12, 320},
    {"milk", 20, 149},
    {"coffee", 6, 899},
};

static struct item *find_item(const char *sku)
{
    for (size_t i = 0; i < sizeof catalog / sizeof catalog[0]; i++)
        if (strcmp(catalog[i].sku, sku) == 0)
            return &catalog[i];
    return NULL;
}

static int sell(struct item *it, long qty, long *till)
{
    if (qty > it->stock) {
        fprintf(stderr, "only %d %s left\n", it->stock, it->sku);
        return -1;
    }
    it->stock -= (int)qty;
    *till += qty * it->price_cents;
    return 0;
}

int main(void)
{
    char line[128], sku[32];
    long qty, till = 0;
    int sales = 0;

    while (fgets(line, sizeof line, stdin)) {
        if (sscanf(line, "%31s %ld", sku, &qty) != 2) {
            fprintf(stderr, "malformed line\n");
            continue;
        }
        struct item *it = find_item(sku);
        if (!it) {
            fprintf(stderr, "unknown sku %s\n", sku);
            continue;
        }
        if (sell(it, qty, &till) == 0)
            sales++;
    }
    printf("%d sales, till %ld.%02ld\n", sales, till / 100, labs(till % 100));
    for (size_t i = 0; i < sizeof catalog / sizeof catalog[0]; i++)
        printf("  %-7s stock %d\n", catalog[i].sku, catalog[i].stock);
    return 0;
}
