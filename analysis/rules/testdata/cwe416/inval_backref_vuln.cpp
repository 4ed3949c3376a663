// The newest order is referenced, then a follow-up order is placed.
#include <iostream>
#include <string>
#include <vector>

struct Order {
    std::string item;
    int qty;
};

int main() {
    std::vector<Order> orders;
    orders.push_back(Order{"bolts", 10});
    Order &last = orders.back();
    if (last.qty > 5)
        orders.push_back(Order{"nuts", last.qty});
    last.qty = 0; // want CWE-416
    std::cout << orders.size() << "\n";
    return 0;
}
