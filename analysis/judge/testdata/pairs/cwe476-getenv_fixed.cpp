#include <cstdlib>
#include <cstring>
#include <iostream>

int main() {
    const char *home = std::getenv("HOME");
    if (home == nullptr) return 1;
    std::cout << std::strlen(home) << std::endl;
    return 0;
}
