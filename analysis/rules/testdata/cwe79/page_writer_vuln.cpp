// A request handler that renders a search results page through a small
// page-writer class holding the response stream.
#include <iostream>
#include <sstream>
#include <string>

class PageWriter {
public:
    explicit PageWriter(std::ostream &out) : out_(out) {}
    void heading(const std::string &text) {
        out_ << "<h1>Results for " << text << "</h1>\n"; // want CWE-79
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
