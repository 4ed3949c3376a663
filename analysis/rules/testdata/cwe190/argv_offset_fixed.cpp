// Both values are range-checked.
#include <climits>
#include <iostream>
#include <string>

int main(int argc, char *argv[]) {
    int value = std::stoi(argv[1]);
    int n;
    std::cin >> n;
    if (value > INT_MAX - 1000 || n > INT_MAX / 4 || n < INT_MIN / 4) {
        return 1;
    }
    std::cout << value + 1000 << " " << n * 4 << "\n";
    return 0;
}
