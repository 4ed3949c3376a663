// Counts the lines of a report named on the command line, kept in the
// reports directory. The helper joins the directory and the name, and
// ../ in the name leaves the directory.
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
    std::ifstream in("/var/reports/" + path); // want CWE-22
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
