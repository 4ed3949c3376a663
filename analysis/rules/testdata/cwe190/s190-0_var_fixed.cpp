// 190-0 (C++): the range is reduced with %.
/*
 * Hand out a random ticket number. Ticket numbers are always larger than
 * 1000.
 */
#include <cstdlib>
#include <ctime>
#include <iostream>

int main() {
    std::srand(static_cast<unsigned int>(std::time(nullptr)));

    // pick a random ticket number larger than 1000
    const int ticket = 1001 + std::rand() % 9000;
    std::cout << "ticket " << ticket << "\n";
    return 0;
}
