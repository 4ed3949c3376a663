// Keep the user name read from standard input in a fixed buffer:
// the length is clamped to the buffer first.
#include <algorithm>
#include <cstring>
#include <iostream>
#include <string>

int main() {
    std::string line;
    if (!std::getline(std::cin, line)) {
        return 1;
    }
    char user[24];
    const std::size_t n = std::min(line.size(), sizeof(user) - 1);
    std::memmove(user, line.c_str(), n);
    user[n] = '\0';
    std::cout << user << "\n";
    return 0;
}
