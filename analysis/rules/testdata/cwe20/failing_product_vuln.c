// CWE-20: the stock lookup of the file returns -1 for an unknown item, and
// the order total multiplies it unchecked.
#include <stdio.h>
#include <string.h>

struct item {
    const char *sku;
    int cents;
};

static const struct item catalogue[] = { { "A100", 250 }, { "B200", 1299 } };

static int unit_price(const char *sku)
{
    for (size_t i = 0; i < sizeof catalogue / sizeof catalogue[0]; i++)
        if (strcmp(catalogue[i].sku, sku) == 0)
            return catalogue[i].cents;
    return -1;
}

long order_total(const char *sku, int quantity)
{
    if (quantity <= 0)
        return 0;
    long total = (long)unit_price(sku) * quantity; // want CWE-20
    return total;
}
