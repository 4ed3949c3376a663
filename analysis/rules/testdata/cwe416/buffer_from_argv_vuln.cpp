// C++: a buffer sized from the command line, used after free.
#include <cstdio>
#include <cstdlib>

namespace app {
int run(int argc, char *argv[]) {
    int size = std::atoi(argv[1]);
    char *buffer = static_cast<char *>(std::malloc(size));
    if (buffer == nullptr) return 1;
    std::free(buffer);
    std::printf("%s\n", buffer); // want CWE-416
    return 0;
}
}

int main(int argc, char *argv[]) { return app::run(argc, argv); }
