// 190-1 (C): a ternary that caps values near INT_MAX.
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
    int result = value <= INT_MAX - OFFSET ? value + OFFSET : INT_MAX;
    printf("%d\n", result);
    return 0;
}
