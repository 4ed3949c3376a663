// 78-0 (C++): the command is formatted into a char buffer.
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
    char cmd[512];
    std::snprintf(cmd, sizeof cmd, "ls -l %s", directory.c_str());
    const int rc = std::system(cmd); // want CWE-78
    return rc == 0 ? 0 : 1;
}
