// getIdFromArray(index): the global array of ids, read at an index the
// caller took from the user.
#include <stdio.h>

#define IDS_ARRAY_SIZE 10
int ids[IDS_ARRAY_SIZE];

int getIdFromArray(int index) {
    if (index < IDS_ARRAY_SIZE) {
        return ids[index]; // want CWE-125 CWE-119 CWE-129
    }
    return -1;
}

int main(void) {
    int id;
    scanf("%d", &id);
    return getIdFromArray(id);
}
