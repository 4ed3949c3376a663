// Both bounds against the size parameter.
int getValueFromArray(int *array, int size, int index) {
    if (index < 0 || index >= size) {
        return -1;
    }
    return array[index];
}

int getValueOrZero(int *array, int size, int index) {
    return index >= 0 && index < size ? *(array + index) : 0;
}

unsigned getValueUnsigned(unsigned *array, unsigned size, unsigned index) {
    if (index > size - 1) {
        return 0;
    }
    return array[index];
}
