// 78-2 (C++): execlp with the host as one argument.
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
    execlp("ping", "ping", "-c", "3", "--", host.c_str(), static_cast<char *>(nullptr));
    std::cerr << "cannot run ping\n";
    return 1;
}
