// 190-1 (C++): the sum inside the stream insertion.
/*
 * Shift a value given on the command line by a fixed offset.
 */
#include <climits>
#include <iostream>
#include <string>

constexpr int OFFSET = 1000;

int main(int argc, char *argv[]) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " VALUE\n";
        return 1;
    }
    int value = std::stoi(argv[1]);

    // add OFFSET to the value and print the result
    std::cout << value + OFFSET << "\n"; // want CWE-190
    return 0;
}
