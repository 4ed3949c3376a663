// 78-2 (C): the command is a constant; the host goes to the program's stdin.
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
    FILE *pipe = popen("xargs -n 1 ping -c 3 --", "w");
    if (!pipe) {
        return 1;
    }
    fputs(host, pipe);
    return pclose(pipe);
}
