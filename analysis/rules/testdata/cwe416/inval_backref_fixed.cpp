// The quantity is copied out before the follow-up order is placed, and
// the newest order is looked up again after it.
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
    int qty = orders.back().qty;
    if (qty > 5)
        orders.push_back(Order{"nuts", qty});
    Order &last = orders.back();
    last.qty = 0;
    std::cout << orders.size() << " " << last.item << "\n";
    return 0;
}
