// 119-2 (C++): the arguments go into a vector, read without a check.
/*
 * Print one of the program's own arguments: the first argument is the
 * index of the argument to print.
 */
#include <iostream>
#include <string>

int main(int argc, char *argv[]) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " INDEX ARG...\n";
        return 1;
    }
    int index = std::stoi(argv[1]);

    // print the argument at position index
    const std::string arg = argv[index]; // want CWE-119 CWE-125 CWE-129
    std::cout << arg << "\n";
    return 0;
}
