// Checked on both sides.
#include <stdio.h>

int main(void) {
    int slots[8] = {0};
    int pos, value;
    scanf("%d %d", &pos, &value);
    if (pos >= 0 && pos < 8) {
        slots[pos] = value;
    }
    printf("%d\n", slots[0]);
    return 0;
}
