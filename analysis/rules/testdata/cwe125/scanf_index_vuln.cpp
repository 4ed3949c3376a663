// C++: an index from std::cin into a C array.
#include <iostream>

int main() {
    int id_sequence[3] = {1, 5, 7};
    int i = 0;
    std::cout << "Enter the index value: ";
    std::cin >> i;
    if (i <= 3) {
        std::cout << id_sequence[i] << std::endl; // want CWE-125 CWE-119 CWE-129
    }
    return 0;
}
