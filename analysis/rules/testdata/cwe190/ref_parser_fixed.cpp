// Prints the number of cells of a grid given as "ROWS COLS" on the
// command line. The parser returns the value through a reference only
// when it lies in 1 .. 1000000, so the product fits a long.
#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <string>

static bool parse_dim(const std::string &text, long &out)
{
    char *end = nullptr;
    errno = 0;
    long v = std::strtol(text.c_str(), &end, 10);
    if (errno != 0 || *end != '\0' || v < 1 || v > 1000000) {
        return false;
    }
    out = v;
    return true;
}

int main(int argc, char **argv)
{
    long rows, cols;
    if (argc != 3 || !parse_dim(argv[1], rows) || !parse_dim(argv[2], cols)) {
        std::cerr << "usage: " << argv[0] << " ROWS COLS\n";
        return 2;
    }
    long cells = rows * cols;
    std::cout << cells << "\n";
    return 0;
}
