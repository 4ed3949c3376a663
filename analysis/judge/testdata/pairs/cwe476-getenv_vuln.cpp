#include <cstdlib>
#include <cstring>
#include <iostream>

int main() {
    const char *home = std::getenv("HOME");
    std::cout << std::strlen(home) << std::endl;
    return 0;
}
