// Checked on both sides.
#include <stdio.h>

#define IDS_ARRAY_SIZE 10
int ids[IDS_ARRAY_SIZE];

int getIdFromArray(int index) {
    if (index < 0 || index >= IDS_ARRAY_SIZE) {
        return -1;
    }
    return ids[index];
}

int main(void) {
    int id;
    scanf("%d", &id);
    return getIdFromArray(id);
}
