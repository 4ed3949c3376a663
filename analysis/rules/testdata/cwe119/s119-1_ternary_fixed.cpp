// 119-1 (C++): a ternary checks both bounds.
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
    const std::string pick = (choice >= 0 && choice < 4) ? vehicles[choice] : "none";
    std::cout << pick << "\n";
    return 0;
}
