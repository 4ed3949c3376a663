// Store a value at a position the user chose.
#include <stdio.h>

int main(void) {
    int slots[8] = {0};
    int pos, value;
    scanf("%d %d", &pos, &value);
    if (pos < 8) {
        slots[pos] = value; // want CWE-787:cwe787-input-index-write CWE-119 CWE-129
    }
    printf("%d\n", slots[0]);
    return 0;
}
