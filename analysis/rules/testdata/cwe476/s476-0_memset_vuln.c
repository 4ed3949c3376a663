// 476-0 (C): memset of the new record before any check.
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
    struct person *member = malloc(sizeof *member);
    memset(member, 0, sizeof *member); // want CWE-476
    member->status = 0;
    free(member);
    return 0;
}
