// 787-2 (C++): a decrementing pointer with std::isspace only; not reported, as the study's query looks at array indexes only.
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
    char *p = text + std::strlen(text) - 1;
    while (std::isspace(static_cast<unsigned char>(*p))) {
        *p-- = '\0';
    }
    std::cout << "'" << text << "'\n";
    return EXIT_SUCCESS;
}
