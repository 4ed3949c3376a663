// 190-0 (C++): the sum is made in int, then widened.
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
    const long long ticket = std::rand() + 1000; // want CWE-190
    std::cout << "ticket " << ticket << "\n";
    return 0;
}
