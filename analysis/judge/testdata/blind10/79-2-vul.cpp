// CGI product search: reads QUERY_STRING and lists catalog items whose name contains the search term.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

struct Product {
    std::string name;
    std::string category;
    double price;
};

static const std::vector<Product> kCatalog = {
    {"Steel hammer", "tools", 14.5},
    {"Claw hammer", "tools", 11.0},
    {"Garden hose 20m", "garden", 24.9},
    {"LED bulb 9W", "electrical", 3.2},
    {"Extension cord", "electrical", 8.75},
    {"Pruning shears", "garden", 17.0},
};

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static std::string url_decode(const std::string &in)
{
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() &&
                   hex_digit(in[i + 1]) >= 0 && hex_digit(in[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(in[i + 1]) * 16 + hex_digit(in[i + 2]));
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
        if (eq == std::string::npos) continue;
        params[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
    }
    return params;
}

static std::string escape_html(const std::string &s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
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

static std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

class SearchPage {
public:
    SearchPage(std::string term, std::string category)
        : term_(std::move(term)), category_(std::move(category)) {}

    std::vector<const Product *> run() const
    {
        std::vector<const Product *> hits;
        std::string needle = lower(term_);
        for (const auto &p : kCatalog) {
            if (!category_.empty() && p.category != category_) continue;
            if (lower(p.name).find(needle) != std::string::npos) hits.push_back(&p);
        }
        return hits;
    }

    void render(std::ostream &os) const
    {
        auto hits = run();
        os << "<h1>Search</h1>\n";
        if (hits.empty()) {
            render_empty(os);
            return;
        }
        os << "<p>" << hits.size() << " result(s) for <b>" << escape_html(term_) << "</b></p>\n<ul>\n";
        for (const Product *p : hits) {
            os << "<li>" << escape_html(p->name) << " (" << escape_html(p->category)
               << ") - $" << p->price << "</li>\n";
        }
        os << "</ul>\n";
    }

private:
    void render_empty(std::ostream &os) const
    {
        os << "<p>Sorry, nothing matched <b>" << term_ << "</b>";
        if (!category_.empty()) os << " in " << escape_html(category_);
        os << ".</p>\n";
    }

    std::string term_;
    std::string category_;
};

int main()
{
    const char *qs = std::getenv("QUERY_STRING");
    auto params = parse_query(qs ? qs : "");

    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n";
    std::cout << "<!DOCTYPE html>\n<html><head><title>Shop search</title></head><body>\n";
    SearchPage page(params["q"], params["cat"]);
    page.render(std::cout);
    std::cout << "</body></html>\n";
    return 0;
}
