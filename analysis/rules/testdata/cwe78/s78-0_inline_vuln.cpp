// 78-0 (C++): a temporary string goes straight to std::system.
/*
 * List the contents of the directory named on the command line with the
 * system's ls command.
 */
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " DIRECTORY\n";
        return 1;
    }
    const std::string directory = argv[1];

    // run "ls -l" on the directory; its output goes to our standard output
    return std::system(("ls -l \"" + directory + "\"").c_str()); // want CWE-78
}
