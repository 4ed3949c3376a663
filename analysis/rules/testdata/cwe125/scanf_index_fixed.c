// Both bounds, right.
#include <stdio.h>

int main(int argc, char *argv[]) {
    int id_sequence[3] = {1, 5, 7};
    int i;
    printf("Enter the index value: ");
    scanf("%d", &i);
    if (i < 0 || i > 2) {
        printf("out of bounds\n");
        return -1;
    }
    printf("%d\n", id_sequence[i]);
    if (i > 0 && i <= 3) {
        return id_sequence[i - 1];
    }
    return -1;
}
