// 78-0 (C): popen runs the command and its output is copied to stdout.
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
    snprintf(cmd, sizeof(cmd), "ls -l %s", directory);
    FILE *p = popen(cmd, "r"); // want CWE-78
    if (p == NULL) {
        perror("popen");
        return 1;
    }
    char line[256];
    while (fgets(line, sizeof line, p) != NULL) {
        fputs(line, stdout);
    }
    return pclose(p) == 0 ? 0 : 1;
}
