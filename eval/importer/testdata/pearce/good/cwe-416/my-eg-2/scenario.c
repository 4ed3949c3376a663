#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *counts = malloc(4 * sizeof(int));
    int failed = counts == NULL;
    if (!failed) {
        free(counts);
    }
    //clean up before leaving
    //-copilot next line-

    return failed;
}
