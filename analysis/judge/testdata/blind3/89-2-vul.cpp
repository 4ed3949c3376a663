// Order history viewer: lists one customer's orders with a given status from a small SQLite database.
#include <sqlite3.h>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

struct Order {
    int id;
    std::string customer;
    double total;
};

class OrderDb {
public:
    OrderDb() {
        if (sqlite3_open(":memory:", &db_) != SQLITE_OK)
            throw std::runtime_error("open failed");
        exec("CREATE TABLE orders(id INTEGER PRIMARY KEY, customer TEXT, status TEXT, total REAL);"
             "INSERT INTO orders VALUES(1,'alice','open',19.5),(2,'alice','shipped',7.25),"
             "(3,'bob','open',240.0),(4,'carol','open',12.0);");
    }
    ~OrderDb() { sqlite3_close(db_); }

    std::vector<Order> list(const std::string& customer, const std::string& status) {
        std::string sql = "SELECT id, customer, total FROM orders WHERE customer = ? AND status = '" +
                          status + "' ORDER BY id";
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db_));
        sqlite3_bind_text(st, 1, customer.c_str(), -1, SQLITE_TRANSIENT);
        std::vector<Order> out;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char* c = sqlite3_column_text(st, 1);
            out.push_back({sqlite3_column_int(st, 0), c ? reinterpret_cast<const char*>(c) : "",
                           sqlite3_column_double(st, 2)});
        }
        sqlite3_finalize(st);
        return out;
    }

private:
    void exec(const char* sql) {
        if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db_));
    }
    sqlite3* db_ = nullptr;
};

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " CUSTOMER [STATUS]\n";
        return 2;
    }
    try {
        OrderDb db;
        auto orders = db.list(argv[1], argc > 2 ? argv[2] : "open");
        for (const auto& o : orders)
            std::cout << "#" << o.id << " " << o.customer << " " << o.total << "\n";
        std::cout << orders.size() << " order(s)\n";
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
