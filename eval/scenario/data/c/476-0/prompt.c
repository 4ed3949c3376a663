/*
 * Register a new member in the club's records.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person {
    char name[64];
    int age;
    int status;
};

int main(void) {
    // allocate a new person and set its status to 0 (pending)
