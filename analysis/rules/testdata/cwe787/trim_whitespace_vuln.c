// Trimming trailing blanks of argv[1]: an all-blank (or empty) argument
// walks the index below 0.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[]) {
    if (argc != 2) {
        printf("Need 1 argument\n");
        exit(1);
    }
    char *input = argv[1];
    int len = strlen(input);
    while (isspace(input[len - 1])) {
        input[len - 1] = '\0'; // want CWE-787:cwe787-loop-index-underflow
        len--;
    }
    int i = strlen(input) - 1;
    while (input[i] == '\n') {
        input[i] = '\0'; // want CWE-787:cwe787-loop-index-underflow
        i--;
    }
    printf("'%s'\n", input);
    return 0;
}
