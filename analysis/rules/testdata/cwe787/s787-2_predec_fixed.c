// 787-2 (C): len > 0 is tested before text[--len].
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
    size_t len = strlen(text);
    while (len > 0 && isspace((unsigned char) text[len - 1])) {
        text[--len] = '\0';
    }
    printf("'%s'\n", text);
    return EXIT_SUCCESS;
}
