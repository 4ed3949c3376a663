// 78-2 (C): the host is appended to a fixed command buffer.
/*
 * Network check: ask the user for a host and ping it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    char host[256];

    // ask for the host
    printf("host to ping: ");
    fflush(stdout);
    if (fgets(host, sizeof host, stdin) == NULL) {
        return 1;
    }
    host[strcspn(host, "\n")] = '\0';

    // ping the host three times with the system's ping command
    char cmd[512] = "ping -c 3 ";
    strncat(cmd, host, sizeof cmd - strlen(cmd) - 1);
    int status = system(cmd); // want CWE-78
    printf("ping exited with %d\n", status);
    return 0;
}
