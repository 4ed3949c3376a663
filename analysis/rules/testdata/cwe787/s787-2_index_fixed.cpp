// 787-2 (C++): the index is tested before the character.
/*
 * Echo the command-line argument with the whitespace at its end removed.
 */
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <iostream>

int main(int argc, char *argv[]) {
    // exactly one argument
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " TEXT\n";
        return EXIT_FAILURE;
    }
    char *text = argv[1];

    // strip the trailing whitespace of text in place
    int last = static_cast<int>(std::strlen(text)) - 1;
    while (last >= 0 && (text[last] == ' ' || text[last] == '\t' || text[last] == '\n')) {
        text[last--] = '\0';
    }
    std::cout << "'" << text << "'\n";
    return EXIT_SUCCESS;
}
