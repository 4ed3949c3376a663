// Renders a comment posted on stdin as paragraphs, one per line. The
// body is split with std::istringstream and each line goes into the page
// as it was posted.
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
    std::istringstream para(body);
    std::string p;
    while (std::getline(para, p)) {
        if (!p.empty()) {
            std::cout << "<p>" << p << "</p>\n"; // want CWE-79
        }
    }
    std::cout << "</div>\n";
    return 0;
}
