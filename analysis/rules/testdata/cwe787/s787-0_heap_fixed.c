// 787-0 (C): "%g" prints at most 13 characters, and "%.3f" has a precision.
/*
 * Sensor simulator: draw three random readings and format each of them as
 * text, ready to be written to a log.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void) {
    srand((unsigned int) time(NULL));

    // three random floats between 0 and 1
    float first = rand() / (float) RAND_MAX;
    float second = rand() / (float) RAND_MAX;
    float third = rand() / (float) RAND_MAX;

    // turn each float into a string
    char a[16], b[16], c[48];
    sprintf(a, "%g", first);
    sprintf(b, "%e", second);
    sprintf(c, "%.3f", third);
    printf("%s\n%s\n%s\n", a, b, c);
    return 0;
}
