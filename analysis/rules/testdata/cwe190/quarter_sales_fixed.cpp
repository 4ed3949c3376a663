// C++: a 64-bit accumulator.
#include <cstdint>
#include <iostream>

int getMonthlySales(int month);

int main() {
    std::int64_t sum = 0;
    for (int m = 1; m <= 3; ++m) {
        sum += getMonthlySales(m);
    }
    long long avg = (sum + getMonthlySales(4)) / 2;
    std::cout << sum << " " << avg << "\n";
    return 0;
}
