// 78-0 (C): execl runs ls itself, with the directory as one argument.
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
    execl("/bin/ls", "ls", "-l", "--", directory, (char *) NULL);
    perror("execl");
    return 1;
}
