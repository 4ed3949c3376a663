// The index itself is checked before every write.
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
    while (len > 0 && isspace(input[len - 1])) {
        len--;
        input[len] = '\0';
    }
    for (int i = strlen(input) - 1; i >= 0 && input[i] == '\n'; i--) {
        input[i] = '\0';
    }
    input[strlen(input) - 1 + 1] = '\0';
    printf("'%s'\n", input);
    return 0;
}
