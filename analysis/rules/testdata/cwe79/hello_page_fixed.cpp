// The name is escaped first.
#include <iostream>
#include <string>

std::string html_escape(const std::string &s);

int main() {
    std::string name;
    std::getline(std::cin, name);
    std::string body = "<p>Hello, " + html_escape(name) + "</p>";
    std::cout << "Content-Type: text/html\n\n";
    std::cout << "<html><body>" << body << "</body></html>\n";
    return 0;
}
