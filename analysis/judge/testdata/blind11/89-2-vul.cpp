// CGI product listing: filters an SQLite catalogue by category and maximum price from QUERY_STRING.
#include <sqlite3.h>

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

struct Filter {
    std::string category;
    std::string max_price;
};

struct Product {
    std::string name;
    long long price;
};

int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string url_decode(const std::string &in)
{
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() && hexval(in[i + 1]) >= 0 &&
                   hexval(in[i + 2]) >= 0) {
            out += static_cast<char>(hexval(in[i + 1]) * 16 + hexval(in[i + 2]));
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
        if (amp == std::string::npos) amp = qs.size();
        std::string item = qs.substr(pos, amp - pos);
        std::size_t eq = item.find('=');
        if (eq != std::string::npos)
            params[url_decode(item.substr(0, eq))] = url_decode(item.substr(eq + 1));
        pos = amp + 1;
    }
    return params;
}

std::string quote_literal(const std::string &s)
{
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    out += '\'';
    return out;
}

bool valid_price(const std::string &s)
{
    return !s.empty() && s.size() <= 9 && std::isdigit(static_cast<unsigned char>(s[0]));
}

std::string escape_html(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

class Catalog {
public:
    explicit Catalog(const std::string &path)
    {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(db_);
            db_ = nullptr;
        }
    }
    ~Catalog() { sqlite3_close(db_); }
    Catalog(const Catalog &) = delete;
    Catalog &operator=(const Catalog &) = delete;

    bool ok() const { return db_ != nullptr; }

    bool search(const Filter &f, std::vector<Product> &out) const
    {
        std::string sql = "SELECT name, price FROM products WHERE hidden = 0 AND category = " +
                          quote_literal(f.category);
        if (!f.max_price.empty())
            sql += " AND price <= " + f.max_price;
        sql += " ORDER BY price";

        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            return false;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const unsigned char *name = sqlite3_column_text(st, 0);
            out.push_back({name ? reinterpret_cast<const char *>(name) : "",
                           sqlite3_column_int64(st, 1)});
        }
        sqlite3_finalize(st);
        return rc == SQLITE_DONE;
    }

private:
    sqlite3 *db_ = nullptr;
};

}  // namespace

int main()
{
    const char *qs = std::getenv("QUERY_STRING");
    const char *dbpath = std::getenv("CATALOG_DB");
    auto params = parse_query(qs ? qs : "");

    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n"
              << "<!DOCTYPE html>\n<html><head><title>Catalogue</title></head><body>\n";

    Filter f{params["category"], params["max_price"]};
    if (f.category.empty() || (!f.max_price.empty() && !valid_price(f.max_price))) {
        std::cout << "<p>Please choose a category and a whole-number price.</p>\n</body></html>\n";
        return 0;
    }

    Catalog cat(dbpath ? dbpath : "catalog.db");
    std::vector<Product> items;
    if (!cat.ok() || !cat.search(f, items)) {
        std::cout << "<p>The catalogue is unavailable.</p>\n</body></html>\n";
        return 0;
    }

    std::cout << "<h1>" << escape_html(f.category) << "</h1>\n<table>\n";
    for (const Product &p : items)
        std::cout << "<tr><td>" << escape_html(p.name) << "</td><td>" << p.price << "</td></tr>\n";
    std::cout << "</table>\n<p>" << items.size() << " item(s)</p>\n</body></html>\n";
    return 0;
}
