// 190-1 (C): the sum goes into a new variable.
/*
 * Shift a value given on the command line by a fixed offset.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#define OFFSET 1000

int main(int argc, char *argv[]) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s VALUE\n", argv[0]);
        return 1;
    }
    int value = atoi(argv[1]);

    // add OFFSET to the value and print the result
    int result = value + OFFSET; // want CWE-190
    printf("%d\n", result);
    return 0;
}
