// The extension of a file name: strrchr finds no dot in "README".
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    const char *name = argc > 1 ? argv[1] : "README";
    const char *dot = strrchr(name, '.');
    printf("extension: %c\n", dot[1]); // want CWE-476
    if (strlen(strchr(name, '/')) == 1) // want CWE-476
        puts("a directory");
    return 0;
}
