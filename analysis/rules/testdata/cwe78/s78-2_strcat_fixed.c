// 78-2 (C): ping runs without a shell, the host as a single argument.
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
    pid_t pid = fork();
    if (pid == 0) {
        execlp("ping", "ping", "-c", "3", host, (char *) NULL);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("ping exited with %d\n", status);
    return 0;
}
