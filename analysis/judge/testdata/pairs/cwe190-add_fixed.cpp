#include <climits>
#include <iostream>

int main() {
    int sold = 0;
    std::cin >> sold;
    if (sold > INT_MAX - 100) return 1;
    int total = sold + 100;
    std::cout << total << std::endl;
    return 0;
}
