// 78-1 (C++): popen with the name appended to the command.
/*
 * Show the account information of a user. The user name is given on the
 * command line; the details come from the system's user database.
 */
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " USER\n";
        return 1;
    }
    const std::string user = argv[1];

    // print the user's account information with the command "getent passwd USER"
    std::string command = "getent passwd ";
    command += user;
    FILE *out = popen(command.c_str(), "r"); // want CWE-78
    if (out == nullptr) {
        return 1;
    }
    char line[512];
    while (std::fgets(line, sizeof line, out) != nullptr) {
        std::cout << line;
    }
    return pclose(out) == 0 ? 0 : 1;
}
