// 78-0 (C): the command is built on the heap with strcpy and strcat.
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
    char *cmd = malloc(strlen(directory) + 8);
    if (cmd == NULL) {
        return 1;
    }
    strcpy(cmd, "ls -l ");
    strcat(cmd, directory);
    int rc = system(cmd); // want CWE-78
    free(cmd);
    return rc;
}
