// Compresses a file named on the command line. The name is put between
// single quotes, and each quote inside it is written as '\'' so that the
// shell sees one word whatever the name holds.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int quote_arg(char *out, size_t cap, const char *arg) {
    size_t j = 0;
    if (cap < 3) {
        return 0;
    }
    out[j++] = '\'';
    for (; *arg != '\0'; arg++) {
        if (*arg == '\'') {
            if (j + 5 >= cap) {
                return 0;
            }
            memcpy(out + j, "'\\''", 4);
            j += 4;
        } else {
            if (j + 2 >= cap) {
                return 0;
            }
            out[j++] = *arg;
        }
    }
    out[j++] = '\'';
    out[j] = '\0';
    return 1;
}

int main(int argc, char **argv) {
    char quoted[512];
    char cmd[600];
    if (argc != 2) {
        return 2;
    }
    if (!quote_arg(quoted, sizeof quoted, argv[1])) {
        return 1;
    }
    snprintf(cmd, sizeof cmd, "gzip -9 %s", quoted);
    return system(cmd);
}
