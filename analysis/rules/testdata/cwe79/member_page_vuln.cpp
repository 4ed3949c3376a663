// A CGI page that greets the visitor by the name in the query string;
// the page is assembled in an object and written out at the end.
#include <cstdlib>
#include <iostream>
#include <string>

class Page {
    std::string html_;

public:
    void greet(const std::string &who) { html_ += "<p>Hello, " + who + "!</p>\n"; }
    void send(std::ostream &out) const
    {
        out << "Content-Type: text/html\r\n\r\n<html><body>\n";
        out << html_; // want CWE-79
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
