// The canonical path must start with /safe/.
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    char path[PATH_MAX];
    char resolved[PATH_MAX];
    snprintf(path, sizeof path, "/safe/%s", argv[1]);
    if (realpath(path, resolved) == NULL || strncmp(resolved, "/safe/", 6) != 0) {
        return 1;
    }
    int fd = open(resolved, O_RDONLY);
    if (fd < 0) return 1;
    close(fd);
    return 0;
}
