// getValueFromArray(array, size, index): "index <= size" lets index ==
// size through, and the ternary has no lower bound.
int getValueFromArray(int *array, int size, int index) {
    if (index >= 0 && index <= size) {
        return array[index]; // want CWE-125 CWE-119 CWE-129
    }
    return -1;
}

int getValueOrZero(int *array, int size, int index) {
    return index < size ? *(array + index) : 0; // want CWE-125 CWE-119 CWE-129
}
