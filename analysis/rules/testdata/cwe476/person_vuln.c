// Allocate a person record and set its status.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char name[100];
    int status;
} person;

int main(int argc, char *argv[]) {
    person *p = malloc(sizeof(person));
    p->status = 0; // want CWE-476
    strcpy(p->name, "Jo");
    person *q = (person *)calloc(1, sizeof(person));
    strcpy(q->name, "Al"); // want CWE-476
    printf("%d %s %s\n", p->status, p->name, q->name);
    return 0;
}
