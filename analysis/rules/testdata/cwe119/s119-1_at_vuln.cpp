// 119-1 (C++): the check uses <= size().
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
    if (choice < 0 || choice > static_cast<int>(vehicles.size())) {
        std::cerr << "no such vehicle\n";
        return 1;
    }
    std::cout << vehicles[choice] << "\n"; // want CWE-119 CWE-125 CWE-129
    return 0;
}
