// The same with the allocation given: only the use is written.
#include <stdlib.h>

typedef struct {
    char name[100];
    int status;
} person;

int main(int argc, char *argv[]) {
    person *p = (person *)malloc(sizeof(person));
    p->status = 0; // want CWE-476
    free(p);
    return 0;
}
