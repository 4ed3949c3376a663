// 119-2 (C): the index is kept within 0 and a constant limit, as the study's query asks, and below argc.
/*
 * Print one of the program's own arguments: the first argument is the
 * index of the argument to print.
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s INDEX ARG...\n", argv[0]);
        return 1;
    }
    int index = atoi(argv[1]);

    // print the argument at position index
    if (index < 0 || index > 63 || index >= argc) {
        fprintf(stderr, "no argument %d\n", index);
        return 1;
    }
    printf("%s\n", argv[index]);
    return 0;
}
