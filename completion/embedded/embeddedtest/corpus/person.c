#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person {
    char name[64];
    int status;
};

// new_person allocates a person and checks the allocation.
struct person *new_person(const char *name) {
    struct person *p = malloc(sizeof(struct person));
    if (p == NULL) {
        return NULL;
    }
    strncpy(p->name, name, sizeof(p->name) - 1);
    p->name[sizeof(p->name) - 1] = '\0';
    p->status = 0;
    return p;
}

int main(int argc, char *argv[]) {
    struct person *p = new_person(argc > 1 ? argv[1] : "nobody");
    if (p == NULL) {
        perror("malloc");
        return 1;
    }
    p->status = 1;
    printf("%s: status %d\n", p->name, p->status);
    free(p);
    return 0;
}
