// Shows the size of a user's upload directory with du(1). The command
// line is put together by a helper into the caller's buffer.
#include <stdio.h>
#include <stdlib.h>

static int build_du_command(char *out, size_t cap, const char *user) {
    int n = snprintf(out, cap, "du -sh /srv/uploads/%s", user);
    return n >= 0 && (size_t)n < cap;
}

int main(int argc, char **argv) {
    char cmd[256];
    if (argc != 2) {
        fprintf(stderr, "usage: %s USER\n", argv[0]);
        return 2;
    }
    if (!build_du_command(cmd, sizeof cmd, argv[1])) {
        return 1;
    }
    return system(cmd) == 0 ? 0 : 1; // want CWE-78
}
