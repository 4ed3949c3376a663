// Checked on both sides.
#include <iostream>

int main() {
    int id_sequence[3] = {1, 5, 7};
    int i = 0;
    std::cout << "Enter the index value: ";
    std::cin >> i;
    if (i >= 0 && i < 3) {
        std::cout << id_sequence[i] << std::endl;
    }
    return 0;
}
