// 119-1 (C): only the upper bound is checked: a negative number reads before the array.
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
    if (choice >= 4) {
        printf("no such vehicle\n");
        return 1;
    }
    printf("%s\n", vehicles[choice]); // want CWE-119 CWE-125 CWE-129
    return 0;
}
