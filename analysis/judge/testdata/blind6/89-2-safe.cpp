// CGI program that lists the signed-in customer's orders from an SQLite database.
#include <sqlite3.h>

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Order {
    long long id = 0;
    std::string item;
    double total = 0.0;
};

struct Filter {
    std::string customer;
    bool has_min = false;
    long min_total = 0;
};

class OrderDb {
public:
    explicit OrderDb(const std::string &path)
    {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(db_);
            db_ = nullptr;
        }
    }
    ~OrderDb() { sqlite3_close(db_); }
    OrderDb(const OrderDb &) = delete;
    OrderDb &operator=(const OrderDb &) = delete;

    bool ok() const { return db_ != nullptr; }

    bool fetch(const std::string &sql, std::vector<Order> &out)
    {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
            return false;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            Order o;
            o.id = sqlite3_column_int64(stmt, 0);
            const unsigned char *item = sqlite3_column_text(stmt, 1);
            o.item = item ? reinterpret_cast<const char *>(item) : "";
            o.total = sqlite3_column_double(stmt, 2);
            out.push_back(o);
        }
        sqlite3_finalize(stmt);
        return rc == SQLITE_DONE;
    }

private:
    sqlite3 *db_ = nullptr;
};

std::string url_decode(const std::string &in)
{
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() &&
                   std::isxdigit(static_cast<unsigned char>(in[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
            out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

std::map<std::string, std::string> parse_query(const std::string &qs)
{
    std::map<std::string, std::string> params;
    std::size_t pos = 0;
    while (pos < qs.size()) {
        std::size_t amp = qs.find('&', pos);
        if (amp == std::string::npos)
            amp = qs.size();
        std::string pair = qs.substr(pos, amp - pos);
        std::size_t eq = pair.find('=');
        if (eq != std::string::npos)
            params[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
        pos = amp + 1;
    }
    return params;
}

std::string escape_html(const std::string &in)
{
    std::string out;
    for (char c : in) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c; break;
        }
    }
    return out;
}

std::string quote_literal(const std::string &s)
{
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    return out + "'";
}

bool parse_filter(const std::map<std::string, std::string> &params, const std::string &user,
                  Filter &f)
{
    f.customer = user;
    auto it = params.find("min_total");
    if (it == params.end() || it->second.empty())
        return true;
    long value = 0;
    try {
        std::size_t used = 0;
        value = std::stol(it->second, &used);
        if (used != it->second.size() || value < 0)
            return false;
    } catch (const std::exception &) {
        return false;
    }
    f.has_min = true;
    f.min_total = value;
    return true;
}

std::string build_sql(const Filter &f)
{
    std::string sql = "SELECT id, item, total FROM orders WHERE customer = " +
                      quote_literal(f.customer);
    if (f.has_min)
        sql += " AND total >= " + std::to_string(f.min_total);
    return sql + " ORDER BY id;";
}

int fail(const std::string &status, const std::string &msg)
{
    std::cout << "Status: " << status << "\r\nContent-Type: text/plain\r\n\r\n" << msg << "\n";
    return 0;
}

} // namespace

int main()
{
    const char *user = std::getenv("REMOTE_USER");
    if (user == nullptr || *user == '\0')
        return fail("401 Unauthorized", "please sign in");
    const char *qs = std::getenv("QUERY_STRING");
    const char *db_path = std::getenv("ORDERS_DB");

    Filter filter;
    if (!parse_filter(parse_query(qs ? qs : ""), user, filter))
        return fail("400 Bad Request", "min_total must be a non-negative whole number");

    OrderDb db(db_path ? db_path : "orders.db");
    std::vector<Order> orders;
    if (!db.ok() || !db.fetch(build_sql(filter), orders))
        return fail("500 Internal Server Error", "order lookup failed");

    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n"
              << "<!DOCTYPE html>\n<html><head><title>Your orders</title></head><body>\n"
              << "<h1>Orders for " << escape_html(user) << "</h1>\n<table>\n"
              << "<tr><th>#</th><th>Item</th><th>Total</th></tr>\n";
    for (const Order &o : orders)
        std::cout << "<tr><td>" << o.id << "</td><td>" << escape_html(o.item) << "</td><td>"
                  << o.total << "</td></tr>\n";
    std::cout << "</table>\n</body></html>\n";
    return 0;
}
