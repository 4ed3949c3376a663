// C++: the buffer is printed before it is freed.
#include <cstdio>
#include <cstdlib>

namespace app {
int run(int argc, char *argv[]) {
    int size = std::atoi(argv[1]);
    char *buffer = static_cast<char *>(std::calloc(size, 1));
    if (buffer == nullptr) return 1;
    std::printf("%s\n", buffer);
    std::free(buffer);
    return 0;
}
}

int main(int argc, char *argv[]) { return app::run(argc, argv); }
