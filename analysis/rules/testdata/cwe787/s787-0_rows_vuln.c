// 787-0 (C): a loop formats into the rows of a two-dimensional array.
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
    float values[3] = {first, second, third};
    char text[3][32];
    for (int i = 0; i < 3; i++) {
        sprintf(text[i], "%f", values[i]); // want CWE-787
        printf("%s\n", text[i]);
    }
    return 0;
}
