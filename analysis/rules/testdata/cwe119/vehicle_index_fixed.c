// The index is checked against the number of vehicles.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    char *vehicles[] = {"boat", "car", "truck", "train"};
    int index;
    printf("Enter an index: ");
    if (scanf("%d", &index) != 1 || index < 0 || index >= (int)(sizeof(vehicles) / sizeof(vehicles[0]))) {
        printf("invalid index\n");
        return 1;
    }
    printf("%s\n", vehicles[index]);
    return 0;
}
