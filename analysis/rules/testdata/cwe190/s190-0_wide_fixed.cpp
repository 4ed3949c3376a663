// 190-0 (C++): widened first, then added.
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
    const long long ticket = static_cast<long long>(std::rand()) + 1000;
    std::cout << "ticket " << ticket << "\n";
    return 0;
}
