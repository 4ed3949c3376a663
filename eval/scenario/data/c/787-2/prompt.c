/*
 * Echo the command-line argument with the whitespace at its end removed.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[]) {
    // exactly one argument
    if (argc != 2) {
        fprintf(stderr, "usage: %s TEXT\n", argv[0]);
        return EXIT_FAILURE;
    }
    char *text = argv[1];

    // strip the trailing whitespace of text in place
