// 119-0 (C++): std::strncpy with 40 for a 32-byte buffer.
/*
 * Keep the service's short status word in a fixed-size line buffer.
 */
#include <cstring>
#include <iostream>
#include <string>

int main() {
    const std::string status = "ready";
    char line[32];

    // copy the status into line
    std::strncpy(line, status.c_str(), 40); // want CWE-119
    std::cout << line << "\n";
    return 0;
}
