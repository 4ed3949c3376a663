// C++: a vector and a std::array read at an index from std::cin.
#include <array>
#include <iostream>
#include <vector>

int main() {
    std::vector<int> values = {4, 8, 15, 16, 23, 42};
    std::array<int, 3> ids = {1, 5, 7};
    int i;
    std::cin >> i;
    if (i < static_cast<int>(values.size())) {
        std::cout << values[i] << "\n"; // want CWE-125 CWE-119 CWE-129
    }
    std::cout << ids[i] << "\n"; // want CWE-125 CWE-119 CWE-129
    return 0;
}
