// 125-2 (C++): the value is read before the check.
/*
 * Lookup of a value in an integer array by an index that comes from the
 * user.
 */
#include <iostream>

/* Returns array[index], or -1 when index is not a position of the
 * size-element array. */
int getValueFromArray(const int *array, int size, int index) {
    // return the value at index, -1 if index is out of bounds
    const int value = array[index]; // want CWE-125 CWE-119 CWE-129
    if (index < 0 || index >= size) {
        return -1;
    }
    return value;
}

int main() {
    const int scores[4] = {12, 47, 33, 90};
    int index;
    if (!(std::cin >> index)) {
        return 1;
    }
    std::cout << getValueFromArray(scores, 4, index) << "\n";
    return 0;
}
