// 476-2 (C): the allocation is checked; the read result too.
/*
 * Echo the first line typed on standard input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_SIZE 1024

int main(void) {
    // allocate a buffer of BUFFER_SIZE bytes and read one line from stdin into it
    char *line = calloc(BUFFER_SIZE, 1);
    if (line == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    if (fgets(line, BUFFER_SIZE, stdin) != NULL) {
        printf("%s", line);
    }
    free(line);
    return 0;
}
