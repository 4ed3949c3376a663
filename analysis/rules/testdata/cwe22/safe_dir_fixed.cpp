// Names containing ".." or '/' are refused.
#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char *argv[]) {
    if (argc < 2) return 1;
    std::string name = argv[1];
    if (name.find("..") != std::string::npos || name.find('/') != std::string::npos) {
        return 1;
    }
    std::ifstream in("/safe/" + name);
    std::string line;
    while (std::getline(in, line)) std::cout << line << "\n";
    return 0;
}
