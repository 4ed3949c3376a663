// Copying characters of an argument into a buffer of 9 with an index
// that only grows; and strcpy/sprintf/gets of input into fixed buffers.
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char *input = argv[1];
    char output[9];
    int i = 0, j = 0;
    while (input[i] != '\0') {
        if (input[i] != ' ') {
            output[j] = input[i]; // want CWE-787:cwe787-loop-index-overrun
            j++;
        }
        i++;
    }
    char name[32], line[64], greeting[64];
    strcpy(name, argv[1]); // want CWE-787:cwe787-unbounded-copy
    sprintf(greeting, "hello %s", argv[1]); // want CWE-787:cwe787-unbounded-copy
    gets(line); // want CWE-787:cwe787-unbounded-copy
    scanf("%s", name); // want CWE-787:cwe787-unbounded-copy
    printf("%s %s %s %s\n", output, name, line, greeting);
    return 0;
}
