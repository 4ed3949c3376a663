// 787-0 (C): snprintf bounds each conversion by the buffer's size.
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
    snprintf(s1, sizeof s1, "%f", first);
    snprintf(s2, sizeof s2, "%f", second);
    snprintf(s3, sizeof s3, "%f", third);
    printf("%s %s %s\n", s1, s2, s3);
    return 0;
}
