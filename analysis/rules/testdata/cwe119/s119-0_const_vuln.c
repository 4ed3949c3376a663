// 119-0 (C): memcpy of 32 bytes from the 6-byte literal.
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
    memcpy(line, status, 32); // want CWE-119
    line[sizeof line - 1] = '\0';
    puts(line);
    return 0;
}
