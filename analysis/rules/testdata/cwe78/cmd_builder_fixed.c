// Shows the size of a user's upload directory with du(1). The command
// line is put together by a helper into the caller's buffer, from a user
// name that holds only letters, digits, '-' and '_'.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

static int plain_name(const char *s) {
    if (*s == '\0') {
        return 0;
    }
    for (; *s != '\0'; s++) {
        if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_') {
            return 0;
        }
    }
    return 1;
}

static int build_du_command(char *out, size_t cap, const char *user) {
    int n = snprintf(out, cap, "du -sh /srv/uploads/%s", user);
    return n >= 0 && (size_t)n < cap;
}

int main(int argc, char **argv) {
    char cmd[256];
    if (argc != 2 || !plain_name(argv[1])) {
        fprintf(stderr, "usage: %s USER (letters, digits, - and _)\n", argv[0]);
        return 2;
    }
    if (!build_du_command(cmd, sizeof cmd, argv[1])) {
        return 1;
    }
    return system(cmd) == 0 ? 0 : 1;
}
