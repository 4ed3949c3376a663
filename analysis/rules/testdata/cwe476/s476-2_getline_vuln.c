// 476-2 (C): realloc grows the buffer, unchecked.
/*
 * Echo the first line typed on standard input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_SIZE 1024

int main(void) {
    // allocate a buffer of BUFFER_SIZE bytes and read one line from stdin into it
    char *buffer = malloc(BUFFER_SIZE);
    if (buffer == NULL) {
        return 1;
    }
    buffer = realloc(buffer, 2 * BUFFER_SIZE);
    fgets(buffer, 2 * BUFFER_SIZE, stdin); // want CWE-476
    printf("%s", buffer);
    free(buffer);
    return 0;
}
