#include <iostream>

int main() {
    int table[5] = {10, 20, 30, 40, 50};
    int i = 0;
    std::cin >> i;
    if (i < 0 || i >= 5) return 1;
    std::cout << table[i] << std::endl;
    return 0;
}
