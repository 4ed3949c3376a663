#include <iostream>
#include <string>

int main(int argc, char **argv) {
    int slots[8] = {0};
    if (argc < 2) return 1;
    int idx = std::stoi(argv[1]);
    slots[idx] = 1;
    std::cout << slots[0] << std::endl;
    return 0;
}
