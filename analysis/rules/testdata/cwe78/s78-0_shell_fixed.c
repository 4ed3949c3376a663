// 78-0 (C): fork and execvp with an argument vector; the parent waits.
/*
 * List the contents of the directory named on the command line with the
 * system's ls command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIRECTORY\n", argv[0]);
        return 1;
    }
    const char *directory = argv[1];

    // run "ls -l" on the directory; its output goes to our standard output
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        char *args[] = {"ls", "-l", "--", (char *) directory, NULL};
        execvp("ls", args);
        _exit(127);
    }
    int status = 0;
    while (wait(&status) > 0) {
    }
    return 0;
}
