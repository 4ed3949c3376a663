// Applies a CSV batch of stock-level updates (sku,quantity) from a file to an sqlite3 inventory database.
#include <sqlite3.h>

#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

struct StockUpdate {
    std::string sku;
    std::string quantity;
    int line_no;
};

class Inventory {
public:
    explicit Inventory(const std::string &path)
    {
        if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
            std::cerr << "cannot open " << path << ": " << (db_ ? sqlite3_errmsg(db_) : "no memory") << "\n";
            sqlite3_close(db_);
            db_ = nullptr;
        }
    }
    ~Inventory() { sqlite3_close(db_); }
    Inventory(const Inventory &) = delete;
    Inventory &operator=(const Inventory &) = delete;

    bool ok() const { return db_ != nullptr; }

    int apply(const StockUpdate &u)
    {
        std::string sql = "UPDATE stock SET quantity = " + u.quantity +
                          " WHERE sku = '" + quote(u.sku) + "'";
        char *err = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            std::cerr << "line " << u.line_no << ": " << (err ? err : "error") << "\n";
            sqlite3_free(err);
            return -1;
        }
        return sqlite3_changes(db_);
    }

private:
    static std::string quote(const std::string &s)
    {
        std::string out;
        for (char c : s) {
            out += c;
            if (c == '\'') out += '\'';
        }
        return out;
    }

    sqlite3 *db_ = nullptr;
};

static std::string trim(const std::string &s)
{
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    std::size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

static bool is_quantity(const std::string &s)
{
    if (s.empty() || s.size() > 9) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

static std::vector<StockUpdate> load_batch(std::istream &in)
{
    std::vector<StockUpdate> out;
    std::string line;
    int no = 0;
    while (std::getline(in, line)) {
        ++no;
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        auto comma = line.find(',');
        if (comma == std::string::npos) {
            std::cerr << "line " << no << ": missing comma\n";
            continue;
        }
        StockUpdate u{trim(line.substr(0, comma)), trim(line.substr(comma + 1)), no};
        if (u.sku.empty() || !is_quantity(u.quantity)) {
            std::cerr << "line " << no << ": bad record\n";
            continue;
        }
        out.push_back(u);
    }
    return out;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " INVENTORY.db BATCH.csv\n";
        return 2;
    }
    std::ifstream batch(argv[2]);
    if (!batch) {
        std::cerr << "cannot read " << argv[2] << "\n";
        return 1;
    }
    Inventory inv(argv[1]);
    if (!inv.ok()) return 1;

    int updated = 0;
    for (const auto &u : load_batch(batch)) {
        int n = inv.apply(u);
        if (n > 0) updated += n;
        else if (n == 0) std::cerr << "line " << u.line_no << ": unknown sku " << u.sku << "\n";
    }
    std::cout << updated << " row(s) updated\n";
    return 0;
}
