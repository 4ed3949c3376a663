// 119-1 (C): the check lets 4 through: vehicles has 4 elements, 0 to 3.
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
    if (choice < 0 || choice > 4) {
        fprintf(stderr, "invalid choice\n");
        return 1;
    }
    printf("you picked the %s\n", vehicles[choice]); // want CWE-119 CWE-125 CWE-129
    return 0;
}
