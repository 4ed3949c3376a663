// 190-1 (C): the check itself overflows: value + OFFSET > INT_MAX is never true.
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
    if (value + OFFSET > INT_MAX) { // want CWE-190
        fprintf(stderr, "value too large\n");
        return 1;
    }
    printf("%d\n", value + OFFSET); // the guard, if wrong, bounds value for CodeQL's range analysis
    return 0;
}
