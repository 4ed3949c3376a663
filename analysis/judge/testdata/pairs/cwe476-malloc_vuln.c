#include <stdio.h>
#include <stdlib.h>

typedef struct {
    int id;
    char name[16];
} person;

int main(void) {
    person *p = malloc(sizeof(person));
    p->id = 1;
    printf("%d\n", p->id);
    free(p);
    return 0;
}
