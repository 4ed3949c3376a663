// Lists the orders of a shop's database, optionally above a minimum
// total given in the query string. The limit is pasted into the SQL only
// when is_number has seen that every character of it is a digit.
#include <sqlite3.h>

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

static std::map<std::string, std::string> parse_query(const std::string &qs)
{
    std::map<std::string, std::string> out;
    std::istringstream in(qs);
    std::string pair;
    while (std::getline(in, pair, '&')) {
        auto eq = pair.find('=');
        if (eq != std::string::npos) {
            out[pair.substr(0, eq)] = pair.substr(eq + 1);
        }
    }
    return out;
}

static bool is_number(const std::string &s)
{
    if (s.empty() || s.size() > 9) {
        return false;
    }
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return true;
}

static int list_orders(sqlite3 *db, const std::string &min_total);

int main()
{
    const char *qs = std::getenv("QUERY_STRING");
    auto params = parse_query(qs != nullptr ? qs : "");
    sqlite3 *db = nullptr;
    if (sqlite3_open("shop.db", &db) != SQLITE_OK) {
        sqlite3_close(db);
        return 1;
    }
    int rc = list_orders(db, params["min"]);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : 1;
}

static int list_orders(sqlite3 *db, const std::string &min_total)
{
    std::string sql = "SELECT id, total FROM orders";
    if (is_number(min_total)) {
        sql += " WHERE total >= " + min_total;
    }
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        return -1;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        std::cout << sqlite3_column_int(stmt, 0) << " " << sqlite3_column_int(stmt, 1) << "\n";
    }
    return sqlite3_finalize(stmt);
}
