// 78-0 (C): the directory is changed to first, and ls runs on "." only.
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
    if (chdir(directory) != 0) {
        perror(directory);
        return 1;
    }
    return system("ls -l .");
}
