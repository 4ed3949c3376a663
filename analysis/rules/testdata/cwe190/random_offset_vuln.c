// A random number larger than 1000: rand() can be RAND_MAX (INT_MAX).
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int big = rand() + 1000; // want CWE-190
    int r = rand();
    int other = 1000 + r; // want CWE-190
    printf("%d %d\n", big, other);
    return 0;
}
