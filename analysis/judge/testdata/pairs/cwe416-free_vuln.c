#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *msg = malloc(32);
    if (msg == NULL) return 1;
    strcpy(msg, "done");
    free(msg);
    printf("%s\n", msg);
    return 0;
}
