// 119-1 (C): the index is copied into an int and tested with <= 3 only.
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
    int idx = choice;
    if (idx <= 3) {
        puts(vehicles[idx]); // want CWE-119 CWE-125 CWE-129
    }
    return 0;
}
