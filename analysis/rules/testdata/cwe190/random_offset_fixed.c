// The random number is bounded before the offset is added.
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int big = rand() % 1000 + 1001;
    int r = rand();
    if (r > INT_MAX - 1000) {
        r = INT_MAX - 1000;
    }
    int other = 1000 + r;
    double scaled = (double)rand() / RAND_MAX * 1000.0 + 1000.0;
    printf("%d %d %f\n", big, other, scaled);
    return 0;
}
