// 416-2 (C): the tidy-up frees the buffer only when the abort path did not.
/*
 * Read one line from standard input into a scratch buffer and keep a copy
 * of it; an empty line aborts the operation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_LEN 128

int main(void) {
    char saved[LINE_LEN];
    int aborted = 0;

    // scratch buffer for the line
    char *scratch = malloc(LINE_LEN);
    if (scratch == NULL) {
        return 1;
    }
    if (fgets(scratch, LINE_LEN, stdin) == NULL) {
        scratch[0] = '\0';
    }
    scratch[strcspn(scratch, "\n")] = '\0';

    // an empty line aborts: the scratch buffer is released at once
    if (scratch[0] == '\0') {
        free(scratch);
        aborted = 1;
    } else {
        strcpy(saved, scratch);
    }

    // tidy up
    if (aborted == 0) {
        free(scratch);
        printf("%s\n", saved);
        return 0;
    }
    return 1;
}
