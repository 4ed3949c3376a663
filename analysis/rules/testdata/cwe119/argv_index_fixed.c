// Bounded by constants (and argc) before the access.
#include <stdio.h>
#include <stdlib.h>

#define MAX_ARGS 16

int main(int argc, char *argv[]) {
    int index = atoi(argv[1]);
    if (index < 0 || index >= MAX_ARGS || index >= argc) {
        return 1;
    }
    printf("%s\n", argv[index]);
    return 0;
}
