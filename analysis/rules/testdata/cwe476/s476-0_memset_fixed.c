// 476-0 (C): calloc, checked, then used inside the branch.
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
    struct person *member = calloc(1, sizeof *member);
    if (member != NULL) {
        member->status = 0;
        printf("registered with status %d\n", member->status);
        free(member);
    }
    return 0;
}
