// 787-2 (C++): an int index from strlen - 1, while loop on the character only.
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
    while (text[last] == ' ' || text[last] == '\t' || text[last] == '\n') {
        text[last--] = '\0'; // want CWE-787
    }
    std::cout << "'" << text << "'\n";
    return EXIT_SUCCESS;
}
