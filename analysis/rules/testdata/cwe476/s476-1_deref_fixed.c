// 476-1 (C): the pointer is checked, the error reported.
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
    if (member == NULL) {
        fprintf(stderr, "out of memory\n");
        return EXIT_FAILURE;
    }
    (*member).status = 0;
    strcpy(member->name, "new member");
    printf("%s: %d\n", member->name, member->status);
    free(member);
    return 0;
}
