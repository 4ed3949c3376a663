// 787-2 (C): a pointer walks back with no check against the start; the study's query looks at array indexes only and does not report it (dev samples 11 and 19 of 787-2).
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
    char *end = text + strlen(text) - 1;
    while (isspace((unsigned char) *end)) {
        *end = '\0';
        end--;
    }
    printf("'%s'\n", text);
    return EXIT_SUCCESS;
}
