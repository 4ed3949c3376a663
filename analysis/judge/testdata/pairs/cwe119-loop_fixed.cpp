#include <cstdio>
#include <cstring>

int main(int argc, char **argv) {
    char buf[16];
    if (argc < 2) return 1;
    const char *s = argv[1];
    size_t i = 0;
    for (; s[i] != '\0' && i < sizeof(buf) - 1; i++) {
        buf[i] = s[i];
    }
    buf[i] = '\0';
    std::puts(buf);
    return 0;
}
