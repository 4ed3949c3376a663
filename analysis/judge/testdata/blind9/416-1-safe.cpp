// Maintains a warehouse inventory from commands read on standard input.
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

struct Item {
    std::string sku;
    std::string name;
    long qty;
};

class Inventory {
public:
    Item *find(const std::string &sku) {
        for (auto &it : items_)
            if (it.sku == sku)
                return &it;
        return nullptr;
    }

    Item &get_or_create(const std::string &sku, const std::string &name) {
        if (Item *it = find(sku))
            return *it;
        items_.push_back(Item{sku, name, 0});
        return items_.back();
    }

    void print(std::ostream &os) const {
        for (const auto &it : items_)
            os << it.sku << " " << it.name << " " << it.qty << "\n";
    }

private:
    std::vector<Item> items_;
};

static bool split_kit(const std::string &spec, std::vector<std::string> &parts) {
    std::stringstream ss(spec);
    std::string p;
    while (std::getline(ss, p, ','))
        if (!p.empty())
            parts.push_back(p);
    return !parts.empty();
}

// Moves `count` units of a kit into stock, creating component entries
// for each listed part and recording the kit itself.
static void receive_kit(Inventory &inv, const std::string &kit_sku,
                        const std::string &components, long count) {
    std::vector<std::string> parts;
    if (!split_kit(components, parts)) {
        std::cerr << "kit " << kit_sku << " has no components\n";
        return;
    }
    inv.get_or_create(kit_sku, "kit");
    for (const auto &p : parts) {
        Item &part = inv.get_or_create(p, "part");
        part.qty += count;
    }
    Item &kit = inv.get_or_create(kit_sku, "kit");
    kit.qty += count;
    std::cout << "received " << count << " x " << kit.sku << "\n";
}

static void handle_line(Inventory &inv, const std::string &line) {
    std::istringstream in(line);
    std::string cmd;
    if (!(in >> cmd))
        return;
    if (cmd == "add") {
        std::string sku, name;
        long n = 0;
        if (!(in >> sku >> name >> n) || n <= 0 || n > 1000000) {
            std::cerr << "bad add\n";
            return;
        }
        Item &it = inv.get_or_create(sku, name);
        it.qty += n;
    } else if (cmd == "kit") {
        std::string sku, comps;
        long n = 0;
        if (!(in >> sku >> comps >> n) || n <= 0 || n > 1000000) {
            std::cerr << "bad kit\n";
            return;
        }
        receive_kit(inv, sku, comps, n);
    } else if (cmd == "list") {
        inv.print(std::cout);
    } else {
        std::cerr << "unknown command " << cmd << "\n";
    }
}

int main() {
    Inventory inv;
    std::string line;
    while (std::getline(std::cin, line))
        handle_line(inv, line);
    return 0;
}
