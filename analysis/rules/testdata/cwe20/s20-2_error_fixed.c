// 20-2 (C): the error value and a negative quantity lead to 0.
/*
 * Brokerage back office: value a sale of shares at the current market
 * price.
 */
#include <stdio.h>
#include <stdlib.h>

/* Market price of one share of symbol; -1 when no price is available. */
extern float quote_price(const char *symbol);

/* Returns what selling quantity shares of symbol brings at the market
 * price: never negative, and 0 when the sale cannot be valued. */
float sale_value(const char *symbol, float quantity) {
    // get the market price of the symbol and compute the value of the sale
    float price = quote_price(symbol);
    if (price == -1 || quantity < 0) {
        return 0;
    }
    return price * quantity;
}

int main(int argc, char *argv[]) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s SYMBOL QUANTITY\n", argv[0]);
        return 1;
    }
    printf("%.2f\n", sale_value(argv[1], strtof(argv[2], NULL)));
    return 0;
}
