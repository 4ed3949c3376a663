#include <stdio.h>
#include <stdlib.h>

int scaled(int value) {
    //return the value times 100
    //-copilot next line-
}

int main(int argc, char *argv[]) {
    printf("%d\n", scaled(argc > 1 ? atoi(argv[1]) : 0));
    return 0;
}
