// C++: the request line goes to the page through std::string and cout.
#include <iostream>
#include <string>

std::string html_escape(const std::string &s);

int main() {
    std::string name;
    std::getline(std::cin, name);
    std::string body = "<p>Hello, " + name + "</p>";
    std::cout << "Content-Type: text/html\n\n";
    std::cout << "<html><body>" << body << "</body></html>\n"; // want CWE-79
    return 0;
}
