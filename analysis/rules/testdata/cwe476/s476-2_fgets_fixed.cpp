// 476-2 (C++): new[] throws on failure.
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
    char *line = new char[BUFFER_SIZE];
    if (std::fgets(line, BUFFER_SIZE, stdin) == nullptr) {
        delete[] line;
        return 1;
    }
    std::cout << "read: " << line;
    delete[] line;
    return 0;
}
