// 22-0 (C++): a range loop over the name refuses a '/'.
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
    for (char c : name) {
        if (c == '/') {
            std::cerr << "invalid name\n";
            return 1;
        }
    }
    std::string path = SAFE_DIR;
    path += name;
    std::ifstream file;
    file.open(path);
    if (!file.is_open()) {
        std::cerr << "cannot open " << path << "\n";
        return 1;
    }
    std::cout << file.rdbuf();
    return 0;
}
