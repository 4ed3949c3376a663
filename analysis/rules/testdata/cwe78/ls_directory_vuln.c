// Run ls on a directory named on the command line.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "ls %s", argv[1]);
    system(cmd); // want CWE-78
    return 0;
}
