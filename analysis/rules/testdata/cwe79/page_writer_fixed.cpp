// A request handler that renders a search results page through a small
// page-writer class holding the response stream; text is escaped as it
// is written.
#include <iostream>
#include <sstream>
#include <string>

static std::string html_text(const std::string &s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

class PageWriter {
public:
    explicit PageWriter(std::ostream &out) : out_(out) {}
    void heading(const std::string &text) {
        out_ << "<h1>Results for " << html_text(text) << "</h1>\n";
    }

private:
    std::ostream &out_;
};

int main() {
    std::string query;
    std::getline(std::cin, query);
    std::cout << "Content-Type: text/html\r\n\r\n";
    PageWriter page(std::cout);
    page.heading(query);
    return 0;
}
