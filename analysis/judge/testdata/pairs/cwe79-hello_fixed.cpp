#include <cstdlib>
#include <iostream>
#include <string>

static std::string html_escape(const std::string &s) {
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

int main() {
    const char *n = std::getenv("QUERY_STRING");
    std::string name = n ? n : "world";
    std::cout << "Content-Type: text/html\r\n\r\n";
    std::cout << "<h1>Hello, " << html_escape(name) << "!</h1>" << std::endl;
    return 0;
}
