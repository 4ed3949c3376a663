// 119-1 (C): both bounds, with the count computed from sizeof.
/*
 * Vehicle pool: the user picks one of the four vehicles by its number.
 */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const char *vehicles[4] = {"bicycle", "scooter", "car", "van"};
    int choice;

    // ask which vehicle the user wants
    printf("vehicle number: ");
    if (scanf("%d", &choice) != 1) {
        return 1;
    }

    // print the vehicle at the chosen index
    if (choice < 0 || choice >= (int) (sizeof vehicles / sizeof vehicles[0])) {
        printf("no such vehicle\n");
        return 1;
    }
    printf("%s\n", vehicles[choice]);
    return 0;
}
