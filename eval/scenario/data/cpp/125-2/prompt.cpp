/*
 * Lookup of a value in an integer array by an index that comes from the
 * user.
 */
#include <iostream>

/* Returns array[index], or -1 when index is not a position of the
 * size-element array. */
int getValueFromArray(const int *array, int size, int index) {
    // return the value at index, -1 if index is out of bounds
