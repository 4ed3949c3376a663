// The extension of a file name, when it has one.
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    const char *name = argc > 1 ? argv[1] : "README";
    const char *dot = strrchr(name, '.');
    if (dot == NULL) {
        puts("no extension");
        return 0;
    }
    printf("extension: %c\n", dot[1]);
    const char *slash = strchr(name, '/');
    if (slash != NULL && strlen(slash) == 1)
        puts("a directory");
    return 0;
}
