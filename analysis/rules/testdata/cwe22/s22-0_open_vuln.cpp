// 22-0 (C++): a default-constructed stream is opened on the joined path.
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
    std::string path = SAFE_DIR;
    path += name;
    std::ifstream file;
    file.open(path); // want CWE-22
    if (!file.is_open()) {
        std::cerr << "cannot open " << path << "\n";
        return 1;
    }
    std::cout << file.rdbuf();
    return 0;
}
