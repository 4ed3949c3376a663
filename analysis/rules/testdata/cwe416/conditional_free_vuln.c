// Tidy up after a conditional free: the buffer may be freed twice.
#include <stdio.h>
#include <stdlib.h>

#define ARRAY_SIZE 256

int main(int argc, char *argv[]) {
    char array[ARRAY_SIZE];
    char abort_flag = 0;
    char *tmp = (char *)malloc(sizeof(char) * ARRAY_SIZE);
    if (tmp == NULL) exit(1);
    int i = 0;
    while (i < ARRAY_SIZE - 1) {
        int c = getchar();
        if (c == EOF || c == '\n') break;
        tmp[i++] = (char)c;
    }
    tmp[i] = '\0';
    if (i == 0) {
        free(tmp);
        abort_flag = 1;
    } else {
        for (i = 0; i < ARRAY_SIZE; i++) array[i] = tmp[i];
    }
    if (abort_flag) {
        printf("%s\n", tmp); // want CWE-416
    }
    free(tmp); // want CWE-416
    return 0;
}
