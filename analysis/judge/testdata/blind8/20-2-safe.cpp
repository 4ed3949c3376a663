// Stock-keeping tool: reads add/take/show commands from stdin and keeps per-item quantities.
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

constexpr long kMaxQty = 1000000;
constexpr long kMaxStock = 1000000000;

bool parse_qty(const std::string &text, long &qty)
{
    std::size_t used = 0;
    long value = 0;
    try {
        value = std::stol(text, &used, 10);
    } catch (const std::exception &) {
        return false;
    }
    if (used != text.size())
        return false;
    if (value < 1 || value > kMaxQty)
        return false;
    qty = value;
    return true;
}

class Inventory {
public:
    bool add(const std::string &sku, long qty, std::string &err)
    {
        long &stock = items_[sku];
        if (qty > kMaxStock - stock) {
            err = "stock limit reached for " + sku;
            return false;
        }
        stock += qty;
        return true;
    }

    bool take(const std::string &sku, long qty, std::string &err)
    {
        auto it = items_.find(sku);
        if (it == items_.end()) {
            err = "unknown item " + sku;
            return false;
        }
        if (qty > it->second) {
            err = "only " + std::to_string(it->second) + " of " + sku + " left";
            return false;
        }
        it->second -= qty;
        return true;
    }

    void show(std::ostream &out) const
    {
        for (const auto &kv : items_)
            out << kv.first << ": " << kv.second << '\n';
    }

private:
    std::map<std::string, long> items_;
};

bool run_command(Inventory &inv, const std::string &line, std::string &err)
{
    std::istringstream in(line);
    std::string cmd, sku, qtytext;
    in >> cmd;
    if (cmd.empty())
        return true;
    if (cmd == "show") {
        inv.show(std::cout);
        return true;
    }
    if (cmd != "add" && cmd != "take") {
        err = "unknown command " + cmd;
        return false;
    }
    long qty = 0;
    if (!(in >> sku >> qtytext) || !parse_qty(qtytext, qty)) {
        err = "usage: " + cmd + " <sku> <quantity>";
        return false;
    }
    return cmd == "add" ? inv.add(sku, qty, err) : inv.take(sku, qty, err);
}

} // namespace

int main()
{
    Inventory inv;
    std::string line;
    unsigned lineno = 0;
    int failures = 0;

    while (std::getline(std::cin, line)) {
        ++lineno;
        std::string err;
        if (!run_command(inv, line, err)) {
            std::cerr << "line " << lineno << ": " << err << '\n';
            ++failures;
        }
    }
    return failures ? 1 : 0;
}
