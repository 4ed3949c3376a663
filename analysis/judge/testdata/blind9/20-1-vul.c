/* Stock ledger: reads "add|take SKU QTY" commands on stdin and prints the final stock levels. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#define MAX_ITEMS 32
#define SKU_LEN 16

struct item {
    char sku[SKU_LEN];
    long qty;
};

struct ledger {
    struct item items[MAX_ITEMS];
    size_t count;
};

static struct item *find_item(struct ledger *lg, const char *sku, int create)
{
    for (size_t i = 0; i < lg->count; i++)
        if (strcmp(lg->items[i].sku, sku) == 0)
            return &lg->items[i];
    if (!create || lg->count >= MAX_ITEMS)
        return NULL;
    struct item *it = &lg->items[lg->count++];
    snprintf(it->sku, sizeof it->sku, "%s", sku);
    it->qty = 0;
    return it;
}

static int parse_qty(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0')
        return -1;
    if (v > 1000000 || v < -1000000)
        return -1;
    *out = v;
    return 0;
}

static int take_stock(struct ledger *lg, const char *sku, long qty)
{
    struct item *it = find_item(lg, sku, 0);
    if (!it) {
        fprintf(stderr, "unknown sku %s\n", sku);
        return -1;
    }
    if (qty > it->qty) {
        fprintf(stderr, "not enough %s in stock\n", sku);
        return -1;
    }
    it->qty -= qty;
    return 0;
}

static int add_stock(struct ledger *lg, const char *sku, long qty)
{
    if (qty <= 0) {
        fprintf(stderr, "quantity must be positive\n");
        return -1;
    }
    struct item *it = find_item(lg, sku, 1);
    if (!it) {
        fprintf(stderr, "ledger full\n");
        return -1;
    }
    if (it->qty > 1000000000L - qty) {
        fprintf(stderr, "stock limit reached for %s\n", sku);
        return -1;
    }
    it->qty += qty;
    return 0;
}

static int run_command(struct ledger *lg, char *line)
{
    char *save = NULL;
    char *op = strtok_r(line, " \t\r\n", &save);
    char *sku = strtok_r(NULL, " \t\r\n", &save);
    char *num = strtok_r(NULL, " \t\r\n", &save);
    long qty;

    if (!op || !sku || !num || strlen(sku) >= SKU_LEN || parse_qty(num, &qty) != 0) {
        fprintf(stderr, "bad command\n");
        return -1;
    }
    if (strcmp(op, "add") == 0)
        return add_stock(lg, sku, qty);
    if (strcmp(op, "take") == 0)
        return take_stock(lg, sku, qty);
    fprintf(stderr, "unknown op %s\n", op);
    return -1;
}

int main(void)
{
    static struct ledger lg;
    char line[256];

    while (fgets(line, sizeof line, stdin))
        run_command(&lg, line);

    for (size_t i = 0; i < lg.count; i++)
        printf("%s %ld\n", lg.items[i].sku, lg.items[i].qty);
    return 0;
}
