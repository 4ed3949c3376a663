// 476-2 (C): getline allocates the line itself.
/*
 * Echo the first line typed on standard input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_SIZE 1024

int main(void) {
    // allocate a buffer of BUFFER_SIZE bytes and read one line from stdin into it
    char *line = NULL;
    size_t cap = 0;
    if (getline(&line, &cap, stdin) > 0) {
        printf("%s", line);
    }
    free(line);
    return 0;
}
