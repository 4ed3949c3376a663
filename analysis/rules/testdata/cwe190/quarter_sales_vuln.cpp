// C++: monthly sales summed in a loop.
#include <iostream>

int getMonthlySales(int month);

int main() {
    int sum = 0;
    for (int m = 1; m <= 3; ++m) {
        sum += getMonthlySales(m); // want CWE-190
    }
    int avg = (sum + getMonthlySales(4)) / 2; // want CWE-190
    std::cout << sum << " " << avg << "\n";
    return 0;
}
