// 119-2 (C): a loop prints from index on: the start is never checked.
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
    for (int i = index; i < argc; i++) {
        printf("%s\n", argv[i]); // want CWE-119 CWE-125 CWE-129
    }
    printf("first: %s\n", argv[index]); // want CWE-119 CWE-125 CWE-129
    return 0;
}
