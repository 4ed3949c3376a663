// 78-2 (C++): the command is built with append.
/*
 * Network check: ask the user for a host and ping it.
 */
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>

int main() {
    std::string host;

    // ask for the host
    std::cout << "host to ping: " << std::flush;
    if (!std::getline(std::cin, host)) {
        return 1;
    }

    // ping the host three times with the system's ping command
    std::string cmd;
    cmd.append("ping -c 3 ");
    cmd.append(host);
    if (std::system(cmd.c_str()) != 0) { // want CWE-78
        std::cerr << "ping failed\n";
        return 1;
    }
    return 0;
}
