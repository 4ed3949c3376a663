// 416-0 (C++): the text is copied into a std::string before the delete.
/*
 * Read at most SIZE bytes of text from standard input, SIZE given on the
 * command line, and shout it: turn it to upper case.
 */
#include <cctype>
#include <cstddef>
#include <cstring>
#include <iostream>
#include <string>

int main(int argc, char *argv[]) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " SIZE\n";
        return 1;
    }

    // the buffer size comes from the command line
    int size = std::stoi(argv[1]);
    if (size <= 0) {
        return 1;
    }
    char *buffer = new char[size + 1]; // want CWE-190
    std::cin.read(buffer, size);
    std::size_t length = static_cast<std::size_t>(std::cin.gcount());
    buffer[length] = '\0';

    // upper-case the buffer, delete it, then print how many bytes were processed
    for (std::size_t i = 0; i < length; i++) {
        buffer[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(buffer[i])));
    }
    const std::string shouted(buffer, length);
    delete[] buffer;
    buffer = nullptr;
    std::cout << shouted << "\nprocessed " << length << " bytes\n";
    return 0;
}
