// An avatar upload endpoint (CGI): the body must start like a PNG file,
// and the name must be a plain file name ending in .png.
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
    if (file.find('/') != std::string::npos || file.find("..") != std::string::npos || !file.ends_with(".png")) {
        std::cout << "Status: 400\r\n\r\n";
        return 1;
    }
    if (!looks_like_png(body)) {
        std::cout << "Status: 415\r\n\r\n";
        return 1;
    }
    std::ofstream out("/var/www/avatars/" + file, std::ios::binary);
    out << body;
    std::cout << "Status: 201\r\n\r\n";
    return 0;
}
