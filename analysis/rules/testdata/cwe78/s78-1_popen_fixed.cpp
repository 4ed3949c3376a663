// 78-1 (C++): getent runs without a shell.
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
    execlp("getent", "getent", "passwd", user.c_str(), static_cast<char *>(nullptr));
    std::perror("execlp");
    return 1;
}
