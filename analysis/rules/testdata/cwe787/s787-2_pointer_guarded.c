// 787-2 (C): the pointer stops at the start of the string.
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
    char *end = text + strlen(text);
    while (end > text && isspace((unsigned char) end[-1])) {
        end--;
    }
    *end = '\0';
    printf("'%s'\n", text);
    return EXIT_SUCCESS;
}
