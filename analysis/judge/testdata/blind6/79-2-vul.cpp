// CGI program that searches a small product catalogue using a form posted on stdin.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

const std::size_t kMaxBody = 8192;

struct Product {
    std::string name;
    std::string category;
    double price;
};

const std::vector<Product> &catalogue()
{
    static const std::vector<Product> items = {
        {"Steel water bottle", "outdoor", 14.50},
        {"Trail running shoes", "outdoor", 89.00},
        {"Mechanical keyboard", "computers", 72.25},
        {"USB-C hub", "computers", 24.99},
        {"Cast iron pan", "kitchen", 39.90},
        {"Chef knife", "kitchen", 54.00},
    };
    return items;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

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

std::map<std::string, std::string> parse_form(const std::string &body)
{
    std::map<std::string, std::string> form;
    std::size_t pos = 0;
    while (pos <= body.size()) {
        std::size_t amp = body.find('&', pos);
        if (amp == std::string::npos)
            amp = body.size();
        std::string pair = body.substr(pos, amp - pos);
        std::size_t eq = pair.find('=');
        if (eq != std::string::npos)
            form[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
        pos = amp + 1;
    }
    return form;
}

std::string read_body()
{
    const char *len_env = std::getenv("CONTENT_LENGTH");
    if (len_env == nullptr)
        return std::string();
    char *end = nullptr;
    unsigned long len = std::strtoul(len_env, &end, 10);
    if (end == len_env || *end != '\0' || len > kMaxBody)
        return std::string();
    std::string body(len, '\0');
    std::cin.read(&body[0], static_cast<std::streamsize>(len));
    body.resize(static_cast<std::size_t>(std::cin.gcount()));
    return body;
}

std::string escape_html(const std::string &in)
{
    std::string out;
    for (char c : in) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: out += c; break;
        }
    }
    return out;
}

void render(const std::string &query, const std::vector<const Product *> &hits)
{
    const std::string shown = escape_html(query);
    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n"
              << "<!DOCTYPE html>\n<html><head><title>Search</title></head><body>\n"
              << "<form method=\"post\" action=\"search.cgi\">\n"
              << "  <input type=\"text\" name=\"q\" value=\"" << shown << "\">\n"
              << "  <button>Search</button>\n</form>\n";
    if (query.empty()) {
        std::cout << "</body></html>\n";
        return;
    }
    std::cout << "<p>" << hits.size() << " result(s) for <b>" << shown << "</b></p>\n<ul>\n";
    for (const Product *p : hits)
        std::cout << "  <li>" << escape_html(p->name) << " (" << p->category << ") - $"
                  << std::fixed << std::setprecision(2) << p->price << "</li>\n";
    std::cout << "</ul>\n</body></html>\n";
}

} // namespace

int main()
{
    std::map<std::string, std::string> form = parse_form(read_body());
    std::string query = form["q"];
    std::string needle = lower(query);

    std::vector<const Product *> hits;
    for (const Product &p : catalogue()) {
        if (!needle.empty() && (lower(p.name).find(needle) != std::string::npos ||
                                p.category == needle))
            hits.push_back(&p);
    }
    render(query, hits);
    return 0;
}
