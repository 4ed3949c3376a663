// Both factors are checked before the product.
#include <stdio.h>

extern float get_market_price(char *symbol);

float calculate_sale_value(char *symbol, float quantity) {
    if (quantity < 0) {
        return 0;
    }
    float price = get_market_price(symbol);
    if (price < 0) {
        return 0;
    }
    float sale_value = price * quantity;
    return sale_value;
}

float quick_value(char *symbol, float quantity) {
    float value = get_market_price(symbol) * quantity;
    if (value < 0) {
        value = 0;
    }
    return value;
}
