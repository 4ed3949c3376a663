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
