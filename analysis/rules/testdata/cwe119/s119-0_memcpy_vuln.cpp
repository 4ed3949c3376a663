// 119-0 (C++): std::memcpy told the buffer holds 64 bytes.
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
    std::memcpy(line, status.c_str(), 64); // want CWE-119
    line[sizeof line - 1] = '\0';
    std::cout << line << "\n";
    return 0;
}
