// 119-0 (C++): the string's size plus its terminator.
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
    std::memcpy(line, status.c_str(), status.size() + 1);
    std::cout << line << "\n";
    return 0;
}
