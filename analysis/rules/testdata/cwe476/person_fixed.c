// Every allocation is checked.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char name[100];
    int status;
} person;

int main(int argc, char *argv[]) {
    person *p = malloc(sizeof(person));
    if (p == NULL) {
        return 1;
    }
    p->status = 0;
    strcpy(p->name, "Jo");
    person *q;
    if (!(q = (person *)calloc(1, sizeof(person)))) {
        return 1;
    }
    strcpy(q->name, "Al");
    printf("%d %s %s\n", p->status, p->name, q->name);
    return 0;
}
