// 119-1 (C++): a size_t comparison with size().
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
    if (static_cast<std::size_t>(choice) < vehicles.size()) {
        std::cout << vehicles[choice] << "\n";
    }
    return 0;
}
