#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char buf[32];
    if (argc < 2) return 1;
    size_t n = strlen(argv[1]);
    if (n >= sizeof(buf)) return 1;
    memcpy(buf, argv[1], n + 1);
    puts(buf);
    return 0;
}
