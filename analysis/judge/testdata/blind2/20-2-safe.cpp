// Point-of-sale inventory: applies "sell ITEM QTY" and "restock ITEM QTY" commands from stdin.
#include <iostream>
#include <map>
#include <sstream>
#include <string>

class Inventory {
public:
    void set(const std::string &item, int qty, long price_cents) {
        stock_[item] = qty;
        price_[item] = price_cents;
    }

    bool sell(const std::string &item, int qty) {
        auto it = stock_.find(item);
        if (it == stock_.end()) {
            std::cerr << "unknown item " << item << "\n";
            return false;
        }
        if (qty <= 0) {
            std::cerr << "invalid quantity " << qty << "\n";
            return false;
        }
        if (qty > it->second) {
            std::cerr << "insufficient stock for " << item << "\n";
            return false;
        }
        it->second -= qty;
        revenue_ += qty * price_[item];
        return true;
    }

    bool restock(const std::string &item, int qty) {
        if (qty <= 0 || qty > 10000)
            return false;
        stock_[item] += qty;
        return true;
    }

    void report(std::ostream &out) const {
        for (const auto &kv : stock_)
            out << kv.first << ": " << kv.second << " left\n";
        out << "revenue: " << revenue_ / 100 << "." << (revenue_ % 100 + 100) % 100 << "\n";
    }

private:
    std::map<std::string, int> stock_;
    std::map<std::string, long> price_;
    long revenue_ = 0;
};

static bool parse_command(const std::string &line, std::string &verb, std::string &item, int &qty) {
    std::istringstream in(line);
    return static_cast<bool>(in >> verb >> item >> qty);
}

int main() {
    Inventory inv;
    inv.set("widget", 10, 1999);
    inv.set("gadget", 4, 4950);

    std::string line, verb, item;
    int qty = 0;
    while (std::getline(std::cin, line)) {
        if (!parse_command(line, verb, item, qty)) {
            std::cerr << "bad command: " << line << "\n";
            continue;
        }
        bool ok = verb == "sell" ? inv.sell(item, qty) : verb == "restock" && inv.restock(item, qty);
        std::cout << (ok ? "ok" : "rejected") << ": " << line << "\n";
    }
    inv.report(std::cout);
    return 0;
}
