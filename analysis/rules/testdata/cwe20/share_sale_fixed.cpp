// The price is checked for the error value.
#include <string>

double get_market_price(const std::string &symbol);

double sale_value(const std::string &symbol, double quantity) {
    if (quantity <= 0) {
        return 0;
    }
    double price = get_market_price(symbol);
    if (price <= 0) {
        return 0;
    }
    return price * quantity;
}
