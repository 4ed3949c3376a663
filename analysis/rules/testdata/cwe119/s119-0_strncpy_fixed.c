// 119-0 (C): snprintf with the real size.
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
    snprintf(line, sizeof line, "%s", status);
    printf("[%s]\n", line);
    return 0;
}
