// Add an offset of 1000 to a number from the command line.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    int value = 0;
    if (argc > 1) {
        value = atoi(argv[1]);
    }
    int result = value + 1000; // want CWE-190
    printf("%d\n", result);
    printf("%d\n", atoi(argv[1]) * 2); // want CWE-190
    return 0;
}
