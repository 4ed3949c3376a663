// 119-2 (C++): a vector of the arguments, read with at().
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
    std::string chosen;
    for (int i = 0; i < argc; ++i) {
        if (i == index) {
            chosen = argv[i];
        }
    }
    std::cout << chosen << "\n";
    return 0;
}
