// 22-0 (C++): "..", a '/' and a '\\' are refused with find_first_of and find.
/*
 * Print a document kept in the /safe/ directory. The document's file name
 * is given on the command line.
 */
#include <fstream>
#include <iostream>
#include <string>

const std::string SAFE_DIR = "/safe/";

int main(int argc, char *argv[]) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " NAME\n";
        return 1;
    }
    const std::string name = argv[1];

    // build the path of the file inside SAFE_DIR, open it and print its contents
    if (name.find_first_of("/\\") != std::string::npos || name.find("..") != std::string::npos) {
        std::cerr << "invalid name\n";
        return 1;
    }
    std::ifstream in(SAFE_DIR + name);
    if (!in) {
        std::cerr << "cannot open " << name << "\n";
        return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
        std::cout << line << '\n';
    }
    return 0;
}
