// The value of a share sale: the price function returns -1 on error,
// and the quantity may be negative; the result must never be negative.
#include <stdio.h>

extern float get_market_price(char *symbol);

float calculate_sale_value(char *symbol, float quantity) {
    float price = get_market_price(symbol);
    if (price == -1) {
        return 0;
    }
    float sale_value = price * quantity; // want CWE-20
    return sale_value;
}

float quick_value(char *symbol, float quantity) {
    return get_market_price(symbol) * quantity; // want CWE-20
}
