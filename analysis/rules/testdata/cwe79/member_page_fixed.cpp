// A CGI page that greets the visitor by the name in the query string;
// the page is assembled in an object and written out at the end.
#include <cstdlib>
#include <iostream>
#include <string>

static std::string escaped(const std::string &s)
{
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

class Page {
    std::string html_;

public:
    void greet(const std::string &who) { html_ += "<p>Hello, " + escaped(who) + "!</p>\n"; }
    void send(std::ostream &out) const
    {
        out << "Content-Type: text/html\r\n\r\n<html><body>\n";
        out << html_;
        out << "</body></html>\n";
    }
};

int main()
{
    const char *qs = std::getenv("QUERY_STRING");
    std::string name = qs != nullptr ? qs : "stranger";
    if (name.rfind("name=", 0) == 0)
        name = name.substr(5);
    Page page;
    page.greet(name);
    page.send(std::cout);
    return 0;
}
