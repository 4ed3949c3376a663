// CGI order handler: reads item and qty from QUERY_STRING, updates stock.txt and prints an HTML receipt.
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>

struct Product {
    long long price_cents = 0;
    long long stock = 0;
};

using Inventory = std::map<std::string, Product>;

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static std::string url_decode(const std::string &in)
{
    std::string out;
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 &&
                   hex_value(in[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

static std::map<std::string, std::string> parse_query(const std::string &qs)
{
    std::map<std::string, std::string> params;
    std::istringstream ss(qs);
    std::string pair;
    while (std::getline(ss, pair, '&')) {
        auto eq = pair.find('=');
        if (eq == std::string::npos)
            continue;
        params[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
    }
    return params;
}

static std::optional<long long> parse_quantity(const std::string &s)
{
    size_t start = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    size_t digits = s.size() - start;
    if (digits == 0 || digits > 6)
        return std::nullopt;
    for (size_t i = start; i < s.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i])))
            return std::nullopt;
    return std::stoll(s);
}

static std::string escape_html(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

static bool load_inventory(const std::string &path, Inventory &inv)
{
    std::ifstream in(path);
    if (!in)
        return false;
    std::string name;
    Product p;
    while (in >> name >> p.price_cents >> p.stock) {
        if (p.price_cents < 0 || p.price_cents > 100000000 || p.stock < 0 || p.stock > 100000000)
            continue;
        inv[name] = p;
    }
    return true;
}

static bool save_inventory(const std::string &path, const Inventory &inv)
{
    std::ofstream out(path, std::ios::trunc);
    for (const auto &[name, p] : inv)
        out << name << ' ' << p.price_cents << ' ' << p.stock << '\n';
    return static_cast<bool>(out);
}

static bool place_order(Inventory &inv, const std::string &item, long long qty,
                        long long &total_cents)
{
    auto it = inv.find(item);
    if (it == inv.end())
        return false;
    Product &p = it->second;
    if (qty < 1 || qty > p.stock)
        return false;
    p.stock -= qty;
    total_cents = qty * p.price_cents;
    return true;
}

static std::string format_cents(long long cents)
{
    std::ostringstream os;
    if (cents < 0) {
        os << '-';
        cents = -cents;
    }
    os << cents / 100 << '.' << (cents % 100) / 10 << cents % 10;
    return os.str();
}

static void reply(const std::string &title, const std::string &body)
{
    std::cout << "Content-Type: text/html\r\n\r\n"
              << "<html><head><title>" << title << "</title></head><body>\n"
              << body << "</body></html>\n";
}

int main()
{
    const char *qs = std::getenv("QUERY_STRING");
    auto params = parse_query(qs ? qs : "");
    const std::string stock_path = "stock.txt";

    Inventory inv;
    if (!load_inventory(stock_path, inv)) {
        reply("Error", "<p>Shop is closed.</p>\n");
        return 0;
    }
    auto qty = parse_quantity(params["qty"]);
    long long total = 0;
    const std::string item = params["item"];
    if (!qty || !place_order(inv, item, *qty, total)) {
        reply("Order failed", "<p>Your order could not be placed.</p>\n");
        return 0;
    }
    if (!save_inventory(stock_path, inv)) {
        reply("Error", "<p>Could not record the order.</p>\n");
        return 0;
    }
    std::ostringstream body;
    body << "<p>Ordered " << *qty << " x " << escape_html(item) << "</p>\n"
         << "<p>Total: " << format_cents(total) << "</p>\n"
         << "<p>Remaining stock: " << inv[item].stock << "</p>\n";
    reply("Order placed", body.str());
    return 0;
}
