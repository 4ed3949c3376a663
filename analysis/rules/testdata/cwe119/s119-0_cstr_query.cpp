// 119-0 (C++): memcpy of sizeof line from status.c_str() reads past the short string, but cpp/overflow-buffer knows no size for the result of c_str(), so the scenario's query does not report it.
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
    std::memcpy(line, status.c_str(), sizeof line);
    std::cout << line << "\n";
    return 0;
}
