// C++: the name from the command line goes into an ifstream path.
#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char *argv[]) {
    if (argc < 2) return 1;
    std::string name = argv[1];
    std::ifstream in("/safe/" + name); // want CWE-22
    std::string line;
    while (std::getline(in, line)) std::cout << line << "\n";
    std::string path = "/safe/" + name + ".bak";
    std::ifstream backup(path); // want CWE-22
    return backup.good() ? 0 : 1;
}
