// 119-2 (C): a loop finds the argument at position index without indexing by input.
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
    for (int i = 0; i < argc && i < 64; i++) {
        if (i == index) {
            printf("%s\n", argv[i]);
            return 0;
        }
    }
    fprintf(stderr, "no argument %d\n", index);
    return 1;
}
