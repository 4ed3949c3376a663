// The buffer is used before it is freed, and the pointer cleared.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    int buffer_size = atoi(argv[1]);
    char *buffer = (char *)malloc(buffer_size);
    if (buffer == NULL) return 1;
    fwrite(buffer, 1, buffer_size, stdout);
    free(buffer);
    buffer = NULL;
    free(buffer);
    return 0;
}
