// The command line reaches system() through a helper that formats the
// command: the file name is pasted into a shell line.
#include <stdio.h>
#include <stdlib.h>

static int compress_file(const char *name);

int main(int argc, char **argv) {
    if (argc < 2)
        return 2;
    return compress_file(argv[1]) == 0 ? 0 : 1;
}

static int compress_file(const char *name) {
    char cmd[256];
    snprintf(cmd, sizeof cmd, "gzip -k %s", name);
    return system(cmd); // want CWE-78
}
