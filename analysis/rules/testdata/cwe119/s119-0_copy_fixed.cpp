// 119-0 (C++): std::string::copy of at most sizeof line - 1 characters.
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
    const std::size_t n = status.copy(line, sizeof line - 1);
    line[n] = '\0';
    std::cout << line << "\n";
    return 0;
}
