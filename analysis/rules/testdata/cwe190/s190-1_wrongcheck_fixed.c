// 190-1 (C): the sum is made in long long, which holds any int plus OFFSET.
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
    long long result = (long long) value + OFFSET;
    printf("%lld\n", result);
    return 0;
}
