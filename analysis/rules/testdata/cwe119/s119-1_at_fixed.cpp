// 119-1 (C++): at() throws on a bad index.
/*
 * Vehicle pool: the user picks one of the four vehicles by its number.
 */
#include <array>
#include <iostream>
#include <string>

int main() {
    const std::array<std::string, 4> vehicles = {"bicycle", "scooter", "car", "van"};
    int choice;

    // ask which vehicle the user wants
    std::cout << "vehicle number: ";
    if (!(std::cin >> choice)) {
        return 1;
    }

    // print the vehicle at the chosen index
    try {
        std::cout << vehicles.at(choice) << "\n";
    } catch (...) {
        std::cerr << "no such vehicle\n";
        return 1;
    }
    return 0;
}
