#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char **argv) {
    if (argc < 2) return 1;
    std::string name = argv[1];
    if (name.find("..") != std::string::npos || name.find('/') != std::string::npos) return 1;
    std::ifstream in("/var/www/static/" + name);
    std::cout << in.rdbuf();
    return 0;
}
