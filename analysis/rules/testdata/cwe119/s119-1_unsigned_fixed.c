// 119-1 (C): an unsigned comparison covers both bounds.
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
    if ((unsigned) choice < 4u) {
        puts(vehicles[choice]);
    } else {
        puts("no such vehicle");
    }
    return 0;
}
