#include <cstdlib>
#include <string>

int main(int argc, char **argv) {
    if (argc < 2) return 1;
    std::string cmd = "ls -l ";
    cmd += argv[1];
    return std::system(cmd.c_str());
}
