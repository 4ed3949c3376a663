// Catalog search CGI: looks up the "q" query-string term in a small product list and renders an HTML page.
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

static std::string decode(const std::string& in) {
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size()) {
            out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

static std::map<std::string, std::string> parse_query(const std::string& qs) {
    std::map<std::string, std::string> params;
    std::size_t pos = 0;
    while (pos <= qs.size()) {
        std::size_t amp = qs.find('&', pos);
        std::string pair = qs.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
        std::size_t eq = pair.find('=');
        if (eq != std::string::npos)
            params[pair.substr(0, eq)] = decode(pair.substr(eq + 1));
        if (amp == std::string::npos)
            break;
        pos = amp + 1;
    }
    return params;
}

class Page {
public:
    void heading(const std::string& term) { body_ += "<h2>Results for " + term + "</h2>\n"; }
    void item(const std::string& name) { body_ += "<li>" + name + "</li>\n"; }
    void render(std::ostream& os) const {
        os << "Content-Type: text/html\r\n\r\n<html><body>\n" << body_ << "</body></html>\n";
    }

private:
    std::string body_;
};

int main() {
    const std::vector<std::string> products = {"red kettle", "blue kettle", "teapot", "mug"};
    const char* env = std::getenv("QUERY_STRING");
    auto params = parse_query(env ? env : "");
    const std::string term = params["q"];

    Page page;
    page.heading(term);
    for (const auto& p : products)
        if (!term.empty() && p.find(term) != std::string::npos)
            page.item(p);
    page.render(std::cout);
    return 0;
}
