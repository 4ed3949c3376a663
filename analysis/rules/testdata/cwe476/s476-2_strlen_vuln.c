// 476-2 (C): the newline is stripped with strlen on the unchecked buffer.
/*
 * Echo the first line typed on standard input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_SIZE 1024

int main(void) {
    // allocate a buffer of BUFFER_SIZE bytes and read one line from stdin into it
    char *buffer = (char *) malloc(BUFFER_SIZE);
    fgets(buffer, BUFFER_SIZE, stdin); // want CWE-476
    size_t len = strlen(buffer);
    if (len > 0 && buffer[len - 1] == '\n') {
        buffer[len - 1] = '\0';
    }
    puts(buffer);
    free(buffer);
    return 0;
}
