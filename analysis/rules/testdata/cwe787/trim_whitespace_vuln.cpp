// C++ on a C string from the command line.
#include <cctype>
#include <cstring>
#include <iostream>

int main(int argc, char *argv[]) {
    if (argc < 2) return 1;
    char *input = argv[1];
    size_t n = std::strlen(input);
    while (std::isspace(input[n - 1])) {
        input[n - 1] = '\0'; // want CWE-787:cwe787-loop-index-underflow
        --n;
    }
    std::cout << input << std::endl;
    return 0;
}
