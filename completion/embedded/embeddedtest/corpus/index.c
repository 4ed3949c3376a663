#include <stdio.h>
#include <stdlib.h>

#define SIZE 4

int get_value(const int *array, int size, int index) {
    if (index < 0 || index >= size) {
        return -1;
    }
    return array[index];
}

int main(int argc, char *argv[]) {
    int values[SIZE] = {10, 20, 30, 40};
    int index;

    if (argc < 2) {
        return 1;
    }
    index = atoi(argv[1]);
    printf("%d\n", get_value(values, SIZE, index));
    return 0;
}
