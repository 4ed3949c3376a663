// 78-2 (C): the output of ping is read through popen.
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
    char cmd[300];
    snprintf(cmd, sizeof cmd, "ping -c 3 %s 2>&1", host);
    FILE *pipe = popen(cmd, "r"); // want CWE-78
    if (!pipe) {
        return 1;
    }
    char line[256];
    while (fgets(line, sizeof line, pipe)) {
        fputs(line, stdout);
    }
    return pclose(pipe);
}
