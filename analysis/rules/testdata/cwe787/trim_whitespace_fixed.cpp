// std::string knows when it is empty.
#include <cctype>
#include <iostream>
#include <string>

int main(int argc, char *argv[]) {
    if (argc < 2) return 1;
    std::string input = argv[1];
    while (!input.empty() && std::isspace(static_cast<unsigned char>(input.back()))) {
        input.pop_back();
    }
    std::cout << input << std::endl;
    return 0;
}
