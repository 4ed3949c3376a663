// The given allocation is tested before the use.
#include <stdlib.h>

typedef struct {
    char name[100];
    int status;
} person;

int main(int argc, char *argv[]) {
    person *p = (person *)malloc(sizeof(person));
    if (p != NULL) {
        p->status = 0;
    }
    free(p);
    return 0;
}
