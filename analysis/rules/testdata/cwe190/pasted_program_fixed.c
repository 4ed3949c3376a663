// The pasted program checks the value first.
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    int value = 0;
    int main(int argc, char *argv[]) {
        int value = atoi(argv[1]);
        if (value > INT_MAX - 1000) return 1;
        int result = value + 1000;
        printf("%d\n", result);
        return 0;
    }
    return value;
}
