// 476-2 (C++): std::fgets into the unchecked buffer, then std::strlen.
/*
 * Echo the first line typed on standard input.
 */
#include <cstdio>
#include <cstdlib>
#include <iostream>

constexpr int BUFFER_SIZE = 1024;

int main() {
    std::cout << "type a line: " << std::flush;

    // allocate a buffer of BUFFER_SIZE bytes and read one line from stdin into it
    char *line = static_cast<char *>(std::malloc(BUFFER_SIZE));
    if (std::fgets(line, BUFFER_SIZE, stdin) == nullptr) { // want CWE-476
        std::free(line);
        return 1;
    }
    std::cout << "read: " << line;
    std::free(line);
    return 0;
}
