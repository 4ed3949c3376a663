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
