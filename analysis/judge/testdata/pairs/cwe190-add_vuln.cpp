#include <iostream>

int main() {
    int sold = 0;
    std::cin >> sold;
    int total = sold + 100;
    std::cout << total << std::endl;
    return 0;
}
