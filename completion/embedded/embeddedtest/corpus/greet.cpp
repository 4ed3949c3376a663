#include <iostream>
#include <string>
#include <vector>

int main(int argc, char *argv[]) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " NAME" << std::endl;
        return 1;
    }
    std::string name = argv[1];
    std::vector<std::string> parts;
    parts.push_back(name);
    for (const std::string &part : parts) {
        std::cout << "hello, " << part << std::endl;
    }
    return 0;
}
