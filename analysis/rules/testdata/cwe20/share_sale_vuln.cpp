// C++ version: the error value -1 flows into the product.
#include <string>

double get_market_price(const std::string &symbol);

double sale_value(const std::string &symbol, double quantity) {
    if (quantity <= 0) {
        return 0;
    }
    double price = get_market_price(symbol);
    return price * quantity; // want CWE-20
}
