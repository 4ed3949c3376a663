// 476-1 (C): a helper function would check, but is not called.
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
    struct person *member = malloc(sizeof *member);

    // set the status of the new person to 0 (pending)
    member->age = 0; // want CWE-476
    member->status = 0;
    free(member);
    return 0;
}
