// An avatar upload endpoint (CGI): it checks that the body starts like a
// PNG file, which says nothing of the name it stores it under.
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

static bool looks_like_png(const std::string &body) {
    return body.size() > 8 && std::memcmp(body.data(), "\x89PNG\r\n\x1a\n", 8) == 0;
}

int main() {
    const char *q = std::getenv("QUERY_STRING");
    if (q == nullptr || std::strncmp(q, "file=", 5) != 0) {
        std::cout << "Status: 400\r\n\r\n";
        return 1;
    }
    std::string file(q + 5);
    std::string body, line;
    while (std::getline(std::cin, line)) {
        body += line;
        body += '\n';
    }
    if (!looks_like_png(body)) {
        std::cout << "Status: 415\r\n\r\n";
        return 1;
    }
    std::ofstream out("/var/www/avatars/" + file, std::ios::binary); // want CWE-22 CWE-434
    out << body;
    std::cout << "Status: 201\r\n\r\n";
    return 0;
}
