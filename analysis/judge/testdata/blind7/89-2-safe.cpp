// CGI catalogue page: lists visible products of a category up to a maximum price, from QUERY_STRING, using sqlite3.
#include <sqlite3.h>

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

const char kCatalogueDb[] = "catalogue.db";

std::map<std::string, std::string> parse_query(const std::string &qs)
{
    std::map<std::string, std::string> params;
    std::istringstream ss(qs);
    std::string item;
    while (std::getline(ss, item, '&')) {
        auto eq = item.find('=');
        if (eq == std::string::npos) continue;
        std::string value;
        const std::string raw = item.substr(eq + 1);
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '+') {
                value += ' ';
            } else if (raw[i] == '%' && i + 2 < raw.size() && std::isxdigit(static_cast<unsigned char>(raw[i + 1])) &&
                       std::isxdigit(static_cast<unsigned char>(raw[i + 2]))) {
                value += static_cast<char>(std::stoi(raw.substr(i + 1, 2), nullptr, 16));
                i += 2;
            } else {
                value += raw[i];
            }
        }
        params[item.substr(0, eq)] = value;
    }
    return params;
}

std::string sql_quote(const std::string &s)
{
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    out += '\'';
    return out;
}

bool looks_numeric(const std::string &s)
{
    if (s.empty() || s.size() > 9) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

std::string html_escape(const std::string &s)
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

    int list(std::ostream &out, const std::string &category, const std::string &max_price)
    {
        std::string sql = "SELECT name, price FROM products WHERE hidden = 0 AND category = " +
                          sql_quote(category);
        if (looks_numeric(max_price)) sql += " AND price <= " + max_price;
        sql += " ORDER BY price;";

        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return -1;
        int rows = 0;
        out << "<ul>\n";
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            const unsigned char *name = sqlite3_column_text(stmt, 0);
            out << "<li>" << html_escape(name ? reinterpret_cast<const char *>(name) : "")
                << " - " << sqlite3_column_int(stmt, 1) << "</li>\n";
            ++rows;
        }
        out << "</ul>\n";
        sqlite3_finalize(stmt);
        return rows;
    }

private:
    sqlite3 *db_ = nullptr;
};

}  // namespace

int main()
{
    const char *qs = std::getenv("QUERY_STRING");
    auto params = parse_query(qs ? qs : "");

    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n";
    std::cout << "<!DOCTYPE html>\n<html><head><title>Catalogue</title></head><body>\n";
    Catalogue cat(kCatalogueDb);
    if (!cat.ok()) {
        std::cout << "<p>Catalogue unavailable.</p>\n";
    } else {
        const std::string category = params.count("cat") ? params["cat"] : "books";
        std::cout << "<h1>" << html_escape(category) << "</h1>\n";
        if (cat.list(std::cout, category, params["max"]) < 0)
            std::cout << "<p>Search failed.</p>\n";
    }
    std::cout << "</body></html>\n";
    return 0;
}
