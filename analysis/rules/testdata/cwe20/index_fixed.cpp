// Show the level the user asks for on the command line and on standard
// input: the indexes are checked first.
#include <iostream>
#include <string>

static const char *const levels[3] = {"low", "mid", "high"};

static const char *level_name(int level) {
    if (level < 0 || level > 2) {
        return "unknown";
    }
    return levels[level];
}

int main(int argc, char *argv[]) {
    if (argc < 2) {
        return 1;
    }
    std::cout << level_name(std::stoi(argv[1])) << "\n";
    int other = 0;
    std::cin >> other;
    if (other < 0 || other >= 3) {
        return 1;
    }
    std::cout << levels[other] << "\n";
    return 0;
}
