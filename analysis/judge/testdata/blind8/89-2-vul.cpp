// CGI program that lists the products of a category up to a maximum price from an SQLite catalogue.
#include <sqlite3.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

int hex_digit(char c)
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
        } else if (in[i] == '%' && i + 2 < in.size() && hex_digit(in[i + 1]) >= 0 &&
                   hex_digit(in[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(in[i + 1]) * 16 + hex_digit(in[i + 2]));
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
    std::istringstream ss(qs);
    std::string pair;
    while (std::getline(ss, pair, '&')) {
        auto eq = pair.find('=');
        if (eq != std::string::npos)
            params[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
    }
    return params;
}

std::string html_escape(const std::string &in)
{
    std::string out;
    for (char c : in) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c; break;
        }
    }
    return out;
}

bool is_price(const std::string &s)
{
    if (s.empty())
        return false;
    char *end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    return end != s.c_str() && v >= 0;
}

class Catalogue {
public:
    explicit Catalogue(const std::string &path)
    {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(db_);
            db_ = nullptr;
        }
    }
    ~Catalogue() { sqlite3_close(db_); }
    Catalogue(const Catalogue &) = delete;
    Catalogue &operator=(const Catalogue &) = delete;

    bool ok() const { return db_ != nullptr; }

    int list(const std::string &category, const std::string &max_price, std::ostream &out)
    {
        std::string sql = "SELECT name, price FROM products WHERE hidden = 0 AND category = ?1"
                          " AND price <= " + max_price + " ORDER BY price";
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
            return -1;
        sqlite3_bind_text(stmt, 1, category.c_str(), -1, SQLITE_TRANSIENT);
        int rows = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            const unsigned char *name = sqlite3_column_text(stmt, 0);
            out << "<li>" << html_escape(name ? reinterpret_cast<const char *>(name) : "")
                << " &mdash; " << sqlite3_column_double(stmt, 1) << "</li>\n";
            ++rows;
        }
        sqlite3_finalize(stmt);
        return rows;
    }

private:
    sqlite3 *db_ = nullptr;
};

} // namespace

int main()
{
    const char *qs = std::getenv("QUERY_STRING");
    const char *db_path = std::getenv("CATALOGUE_DB");
    auto params = parse_query(qs ? qs : "");
    std::string category = params["cat"];
    std::string max_price = params.count("max") ? params["max"] : "1000000";

    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n";
    if (!is_price(max_price)) {
        std::cout << "<p>Invalid maximum price.</p>\n";
        return 0;
    }
    Catalogue cat(db_path ? db_path : "catalogue.db");
    if (!cat.ok()) {
        std::cout << "<p>Catalogue unavailable.</p>\n";
        return 0;
    }
    std::cout << "<h1>Products in " << html_escape(category) << "</h1>\n<ul>\n";
    int rows = cat.list(category, max_price, std::cout);
    std::cout << "</ul>\n";
    if (rows < 0)
        std::cout << "<p>Search failed.</p>\n";
    else
        std::cout << "<p>" << rows << " product(s).</p>\n";
    return 0;
}
