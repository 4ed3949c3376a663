// Keep the user name read from standard input in a fixed buffer:
// the copy's length is the input's own length.
#include <cstring>
#include <iostream>
#include <string>

int main() {
    std::string line;
    if (!std::getline(std::cin, line)) {
        return 1;
    }
    char user[24];
    std::memmove(user, line.c_str(), line.size() + 1); // want CWE-787:cwe787-copy-size-from-data
    std::cout << user << "\n";
    return 0;
}
