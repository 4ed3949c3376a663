#include <cstdlib>
#include <string>

int main(int argc, char **argv) {
    if (argc < 2) return 1;
    std::string which = argv[1];
    if (which == "home") return std::system("ls -l /home");
    if (which == "tmp") return std::system("ls -l /tmp");
    return 1;
}
