// 125-1 (C): a ternary that only tests the lower bound.
/*
 * Employee badge ids, looked up by their position in the table.
 */
#include <stdio.h>
#include <stdlib.h>

#define IDS_SIZE 6

static const int ids[IDS_SIZE] = {1001, 1002, 1003, 1005, 1008, 1013};

/* Returns the id at position index of ids, or -1 when index is out of
 * bounds. index comes from the user. */
int getIdFromArray(int index) {
    // return the id at index, -1 if index is out of bounds
    return index >= 0 ? ids[index] : -1; // want CWE-125 CWE-119 CWE-129
}

int main(void) {
    int index;
    printf("index: ");
    if (scanf("%d", &index) != 1) {
        return 1;
    }
    printf("%d\n", getIdFromArray(index));
    return 0;
}
