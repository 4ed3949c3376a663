// realpath() is called, but its result is never compared with /safe/.
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
    realpath(path, resolved);
    int fd = open(resolved, O_RDONLY); // want CWE-22
    if (fd < 0) return 1;
    close(fd);
    return 0;
}
