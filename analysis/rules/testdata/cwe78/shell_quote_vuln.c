// Compresses a file named on the command line. The name is put between
// single quotes, but a quote inside the name ends the quoting early.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void quote_arg(char *out, size_t cap, const char *arg) {
    snprintf(out, cap, "'%s'", arg);
}

int main(int argc, char **argv) {
    char quoted[512];
    char cmd[600];
    if (argc != 2) {
        return 2;
    }
    quote_arg(quoted, sizeof quoted, argv[1]);
    snprintf(cmd, sizeof cmd, "gzip -9 %s", quoted);
    return system(cmd); // want CWE-78
}
