// Three random floats turned into strings: "%f" of a float can print up
// to 317 characters (FLT_MAX has 39 digits, a double 309).
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    float a = (float)rand() / (float)RAND_MAX;
    float b = (float)rand() / (float)RAND_MAX;
    float c = (float)rand() / (float)RAND_MAX;

    char str_a[20], str_b[24];
    char *str_c = malloc(48);
    if (str_c == NULL) return 1;
    sprintf(str_a, "%f", a); // want CWE-787:cwe787-sprintf-overflow
    sprintf(str_b, "value %e", b);
    sprintf(str_c, "%f", c); // want CWE-787:cwe787-sprintf-overflow
    printf("%s %s %s\n", str_a, str_b, str_c);
    return 0;
}
