// 476-1 (C): (*member).status through the unchecked pointer.
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
    (*member).status = 0; // want CWE-476
    strcpy(member->name, "new member");
    printf("%s: %d\n", member->name, member->status);
    free(member);
    return 0;
}
