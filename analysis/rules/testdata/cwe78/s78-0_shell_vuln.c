// 78-0 (C): the command is run by execl of /bin/sh -c.
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
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "ls -l '%s'", directory);
    execl("/bin/sh", "sh", "-c", cmd, (char *) NULL); // want CWE-78
    perror("execl");
    return 1;
}
