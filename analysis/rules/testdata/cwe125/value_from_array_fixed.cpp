// Checked index, or at(), which checks itself.
#include <array>
#include <iostream>
#include <vector>

int main() {
    std::vector<int> values = {4, 8, 15, 16, 23, 42};
    std::array<int, 3> ids = {1, 5, 7};
    int i;
    std::cin >> i;
    if (i >= 0 && i < static_cast<int>(values.size())) {
        std::cout << values[i] << "\n";
    }
    std::cout << ids.at(i) << "\n";
    return 0;
}
