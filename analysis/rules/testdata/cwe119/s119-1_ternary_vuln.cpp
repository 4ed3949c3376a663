// 119-1 (C++): a ternary checks only the upper bound.
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
    const std::string &pick = choice < 4 ? vehicles[choice] : vehicles[0]; // want CWE-119 CWE-125 CWE-129
    std::cout << pick << "\n";
    return 0;
}
