// 787-0 (C): three 10-byte buffers for "%f": a float can print 317 characters.
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
    char s1[10], s2[10], s3[10];
    sprintf(s1, "%f", first); // want CWE-787
    sprintf(s2, "%f", second); // want CWE-787
    sprintf(s3, "%f", third); // want CWE-787
    printf("%s %s %s\n", s1, s2, s3);
    return 0;
}
