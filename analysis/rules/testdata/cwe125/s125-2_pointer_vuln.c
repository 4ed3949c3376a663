// 125-2 (C): *(array + index) without checks.
/*
 * Lookup of a value in an integer array by an index that comes from the
 * user.
 */
#include <stdio.h>
#include <stdlib.h>

/* Returns array[index], or -1 when index is not a position of the
 * size-element array. */
int getValueFromArray(int *array, int size, int index) {
    // return the value at index, -1 if index is out of bounds
    return *(array + index); // want CWE-125 CWE-119 CWE-129
}

int main(void) {
    int scores[4] = {12, 47, 33, 90};
    int index;
    if (scanf("%d", &index) != 1) {
        return 1;
    }
    printf("%d\n", getValueFromArray(scores, 4, index));
    return 0;
}
