// 787-0 (C): malloc'd buffers of 16 bytes.
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
    char *a = malloc(16);
    char *b = malloc(16);
    char *c = malloc(16);
    if (a == NULL || b == NULL || c == NULL) {
        return 1;
    }
    sprintf(a, "%f", first); // want CWE-787
    sprintf(b, "%f", second); // want CWE-787
    sprintf(c, "%f", third); // want CWE-787
    printf("%s\n%s\n%s\n", a, b, c);
    free(a);
    free(b);
    free(c);
    return 0;
}
