#include <cstdlib>
#include <iostream>
#include <string>

int main() {
    const char *n = std::getenv("QUERY_STRING");
    std::string name = n ? n : "world";
    std::cout << "Content-Type: text/html\r\n\r\n";
    std::cout << "<h1>Hello, " << name << "!</h1>" << std::endl;
    return 0;
}
