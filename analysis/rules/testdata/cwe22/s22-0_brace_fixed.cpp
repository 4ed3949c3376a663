// 22-0 (C++): the name must not hold a '/' (".." alone names a directory).
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
    if (name.find('/') != std::string::npos || name == "..") {
        std::cerr << "invalid name\n";
        return 1;
    }
    std::ifstream file{SAFE_DIR + name};
    std::string line;
    while (std::getline(file, line)) {
        std::cout << line << "\n";
    }
    return file.eof() ? 0 : 1;
}
