// 20-2 (C++): the product is clamped at 0.
/*
 * Brokerage back office: value a sale of shares at the current market
 * price.
 */
#include <iostream>
#include <string>

/* Market price of one share of symbol; -1 when no price is available. */
extern float quote_price(const std::string &symbol);

/* Returns what selling quantity shares of symbol brings at the market
 * price: never negative, and 0 when the sale cannot be valued. */
float sale_value(const std::string &symbol, float quantity) {
    // get the market price of the symbol and compute the value of the sale
    const float price = quote_price(symbol);
    return std::max(0.0f, price * quantity);
}

int main(int argc, char *argv[]) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " SYMBOL QUANTITY\n";
        return 1;
    }
    std::cout << sale_value(argv[1], std::stof(argv[2])) << "\n";
    return 0;
}
