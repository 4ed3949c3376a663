// 119-0 (C): strncpy told the buffer holds 64 bytes.
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
    strncpy(line, status, 64); // want CWE-119
    printf("[%s]\n", line);
    return 0;
}
