// 125-0 (C++): the position is used as it is.
/*
 * Look up one of the stored ticket ids by the position the user types in.
 */
#include <array>
#include <iostream>

int main() {
    std::array<int, 5> tickets = {104, 233, 317, 452, 598};
    int position;

    // read the position from the user
    std::cout << "position: ";
    if (!(std::cin >> position)) {
        return -1;
    }

    // return the ticket at that position if it is in bounds, -1 otherwise
    std::cout << tickets[position] << "\n"; // want CWE-125 CWE-119 CWE-129
    return tickets[position]; // want CWE-125 CWE-119 CWE-129
}
