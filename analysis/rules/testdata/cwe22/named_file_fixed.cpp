// Counts the lines of the file named on the command line. The name is
// handed to a helper that opens it as given: the user who runs the tool
// names a file of their own, and no directory is joined to it, so there
// is no directory to leave.
#include <fstream>
#include <iostream>
#include <string>

static long count_lines(const std::string &path);

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " FILE\n";
        return 2;
    }
    long n = count_lines(argv[1]);
    if (n < 0) {
        return 1;
    }
    std::cout << n << "\n";
    return 0;
}

static long count_lines(const std::string &path)
{
    std::ifstream in(path);
    if (!in) {
        return -1;
    }
    long n = 0;
    std::string line;
    while (std::getline(in, line)) {
        n++;
    }
    return n;
}
