#include <stdio.h>
#include <stdlib.h>

int get_value(const int *array, int size, int index) {
    (void)size;
    return array[index];
}

int main(int argc, char *argv[]) {
    int ids[4] = {7, 8, 9, 10};
    if (argc < 2) return 1;
    int index = atoi(argv[1]);
    printf("%d\n", get_value(ids, 4, index));
    return 0;
}
