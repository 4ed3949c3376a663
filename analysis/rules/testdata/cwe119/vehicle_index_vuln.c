// Return the vehicle at a user-given index of four.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    char *vehicles[] = {"boat", "car", "truck", "train"};
    int index;
    printf("Enter an index: ");
    scanf("%d", &index);
    printf("%s\n", vehicles[index]); // want CWE-125 CWE-119 CWE-129
    return 0;
}
