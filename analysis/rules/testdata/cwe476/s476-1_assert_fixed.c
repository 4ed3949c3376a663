// 476-1 (C): the check is a condition around the use.
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
    if (member) {
        member->age = 0;
        member->status = 0;
    }
    free(member);
    return 0;
}
