// 787-2 (C): a for loop counts down with only the character tested.
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
    int i;
    for (i = (int) strlen(text) - 1; isspace((unsigned char) text[i]); i--) {
        text[i] = '\0'; // want CWE-787
    }
    printf("'%s'\n", text);
    return EXIT_SUCCESS;
}
