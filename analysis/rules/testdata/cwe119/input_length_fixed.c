// Copy the first argument, terminator included, into a fixed buffer:
// the length is checked against the buffer first, or clamped to it.
#include <stdio.h>
#include <string.h>

#define MIN(a, b) ((a) < (b) ? (a) : (b))

int main(int argc, char *argv[]) {
    char name[32];
    char label[16];
    if (argc < 3) {
        return 1;
    }
    size_t n = strlen(argv[1]);
    if (n >= sizeof(name)) {
        return 1;
    }
    memcpy(name, argv[1], n + 1);
    size_t m = MIN(strlen(argv[2]), sizeof(label) - 1);
    strncpy(label, argv[2], m);
    label[m] = '\0';
    printf("%s %s\n", name, label);
    return 0;
}
