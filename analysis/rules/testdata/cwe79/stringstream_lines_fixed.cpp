// Renders a comment posted on stdin as paragraphs, one per line. The
// body is escaped for HTML, then split with std::istringstream, so each
// line that goes into the page is escaped.
#include <iostream>
#include <sstream>
#include <string>

static std::string escape_html(const std::string &in)
{
    std::string out;
    for (char c : in) {
        if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else if (c == '&') {
            out += "&amp;";
        } else {
            out += c;
        }
    }
    return out;
}

int main()
{
    std::string body, line;
    while (std::getline(std::cin, line)) {
        body += line + "\n";
    }
    std::cout << "Content-Type: text/html\r\n\r\n<div class=\"comment\">\n";
    std::cout << "<p class=\"len\">" << escape_html(std::to_string(body.size())) << "</p>\n";
    const std::string shown = escape_html(body);
    std::istringstream para(shown);
    std::string p;
    while (std::getline(para, p)) {
        if (!p.empty()) {
            std::cout << "<p>" << p << "</p>\n";
        }
    }
    std::cout << "</div>\n";
    return 0;
}
