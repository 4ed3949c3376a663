// CGI program that lists the visible products of a category up to a maximum price from an SQLite catalogue.
#include <sqlite3.h>

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Product {
    long long id;
    std::string name;
    long long price;
};

std::string url_decode(const std::string &in)
{
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() && std::isxdigit(static_cast<unsigned char>(in[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
            out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

std::map<std::string, std::string> parse_query(const char *qs)
{
    std::map<std::string, std::string> params;
    std::istringstream ss(qs ? qs : "");
    std::string item;
    while (std::getline(ss, item, '&')) {
        auto eq = item.find('=');
        if (eq != std::string::npos)
            params[url_decode(item.substr(0, eq))] = url_decode(item.substr(eq + 1));
    }
    return params;
}

std::string escape_html(const std::string &s)
{
    std::string out;
    for (char c : s) {
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

bool parse_price(const std::string &text, std::string &out)
{
    if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0])))
        return false;
    out = text;
    return true;
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

    bool search(const std::string &category, const std::string &max_price, std::vector<Product> &out)
    {
        std::string sql = "SELECT id, name, price FROM products WHERE hidden = 0 AND category = ?1"
                          " AND price <= " + max_price + " ORDER BY price";
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            return false;
        sqlite3_bind_text(st, 1, category.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char *name = sqlite3_column_text(st, 1);
            out.push_back({sqlite3_column_int64(st, 0), name ? reinterpret_cast<const char *>(name) : "",
                           sqlite3_column_int64(st, 2)});
        }
        sqlite3_finalize(st);
        return true;
    }

private:
    sqlite3 *db_ = nullptr;
};

void fail(const char *status, const char *msg)
{
    std::cout << "Status: " << status << "\r\nContent-Type: text/plain\r\n\r\n" << msg << "\n";
}

} // namespace

int main()
{
    auto params = parse_query(std::getenv("QUERY_STRING"));
    std::string category = params["cat"];
    std::string max_price;
    if (!parse_price(params.count("max") ? params["max"] : "1000000", max_price)) {
        fail("400 Bad Request", "invalid maximum price");
        return 0;
    }
    const char *db_path = std::getenv("CATALOGUE_DB");
    Catalogue cat(db_path ? db_path : "catalogue.db");
    std::vector<Product> products;
    if (!cat.ok() || !cat.search(category, max_price, products)) {
        fail("500 Internal Server Error", "catalogue unavailable");
        return 0;
    }
    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n";
    std::cout << "<html><body><h1>" << escape_html(category) << "</h1>\n<table>\n";
    for (const auto &p : products)
        std::cout << "<tr><td>" << p.id << "</td><td>" << escape_html(p.name) << "</td><td>" << p.price
                  << "</td></tr>\n";
    std::cout << "</table></body></html>\n";
    return 0;
}
