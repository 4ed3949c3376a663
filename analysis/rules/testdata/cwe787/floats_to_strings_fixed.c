// The same with bounded output: snprintf, a precision, or a buffer large
// enough for the longest "%f".
#include <stdio.h>
#include <stdlib.h>

#define FLOAT_TEXT 320

int main(void) {
    float a = (float)rand() / (float)RAND_MAX;
    float b = (float)rand() / (float)RAND_MAX;
    float c = (float)rand() / (float)RAND_MAX;

    char str_a[20], str_b[32];
    char str_c[FLOAT_TEXT];
    snprintf(str_a, sizeof(str_a), "%f", a);
    sprintf(str_b, "%.3f", b);
    sprintf(str_c, "%f", c);
    printf("%s %s %s\n", str_a, str_b, str_c);
    return 0;
}
