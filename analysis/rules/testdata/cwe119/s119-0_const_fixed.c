// 119-0 (C): memcpy of the string's length and its terminator.
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
    memcpy(line, status, strlen(status) + 1);
    puts(line);
    return 0;
}
