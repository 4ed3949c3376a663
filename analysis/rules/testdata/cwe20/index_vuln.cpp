// Show the level the user asks for on the command line and on standard
// input: the indexes are used as given.
#include <iostream>
#include <string>

static const char *const levels[3] = {"low", "mid", "high"};

static const char *level_name(int level) {
    return levels[level]; // want CWE-125 CWE-119 CWE-129
}

int main(int argc, char *argv[]) {
    if (argc < 2) {
        return 1;
    }
    std::cout << level_name(std::stoi(argv[1])) << "\n";
    int other = 0;
    std::cin >> other;
    std::cout << levels[other] << "\n"; // want CWE-125 CWE-119 CWE-129
    return 0;
}
