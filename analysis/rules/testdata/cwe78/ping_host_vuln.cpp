// Ping a host the user names, in C++.
#include <cstdlib>
#include <iostream>
#include <string>

int main() {
    std::string host;
    std::cout << "host: ";
    std::cin >> host;
    std::string command = "ping -c 1 " + host;
    return std::system(command.c_str()); // want CWE-78
}
