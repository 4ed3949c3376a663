// 119-0 (C): the buffer is cleared with a size one too large, then the copy.
/*
 * Keep the service's short status word in a fixed-size line buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    const char *status = "ready";
    char line[32];

    // copy the status into line
    memset(line, 0, sizeof line + 1); // want CWE-119
    strcpy(line, status);
    printf("%s\n", line);
    return 0;
}
