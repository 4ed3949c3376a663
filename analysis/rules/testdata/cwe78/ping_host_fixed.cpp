// Only host names made of letters, digits, dots and dashes are pinged.
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <string>

static bool valid_host(const std::string &h) {
    if (h.empty() || h.size() > 253) return false;
    for (char c : h) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
    }
    return true;
}

int main() {
    std::string host;
    std::cout << "host: ";
    std::cin >> host;
    if (!valid_host(host)) {
        return 1;
    }
    std::string command = "ping -c 1 " + host;
    return std::system(command.c_str());
}
