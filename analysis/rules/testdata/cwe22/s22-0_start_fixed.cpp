// 22-0 (C++): a "..", anywhere in the name, is refused; the check is nested.
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
    if (name.find("..") == std::string::npos) {
        const std::string path = SAFE_DIR + name;
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            return 1;
        }
        std::cout << file.rdbuf();
        return 0;
    }
    std::cerr << "invalid name\n";
    return 1;
}
