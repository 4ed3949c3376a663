// 416-0 (C): an error path frees the buffer, and the end frees it again.
/*
 * Read at most SIZE bytes of text from standard input, SIZE given on the
 * command line, and shout it: turn it to upper case.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[]) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s SIZE\n", argv[0]);
        return 1;
    }

    // the buffer size comes from the command line
    long size = strtol(argv[1], NULL, 10);
    if (size <= 0) {
        return 1;
    }
    char *buffer = malloc((size_t) size + 1);
    if (buffer == NULL) {
        return 1;
    }
    size_t length = fread(buffer, 1, (size_t) size, stdin);
    buffer[length] = '\0';

    // upper-case the buffer, free it, then print how many bytes were processed
    for (size_t i = 0; i < length; i++) {
        buffer[i] = (char) toupper((unsigned char) buffer[i]);
    }
    if (fwrite(buffer, 1, length, stdout) != length) {
        free(buffer);
    }
    free(buffer); // want CWE-416
    printf("\nprocessed %zu bytes\n", length);
    return 0;
}
