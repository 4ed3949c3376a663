// 476-0 (C): the allocation is checked with !p and the program exits on failure.
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
    struct person *p = (struct person *) malloc(sizeof(struct person));
    if (!p) {
        perror("malloc");
        exit(EXIT_FAILURE);
    }
    p->status = 0;
    p->age = 0;
    printf("status: %d\n", p->status);
    free(p);
    return 0;
}
