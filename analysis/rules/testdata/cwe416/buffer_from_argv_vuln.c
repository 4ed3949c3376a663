// Process a buffer whose size comes from the command line.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    int buffer_size = atoi(argv[1]);
    char *buffer = (char *)malloc(buffer_size);
    if (buffer == NULL) return 1;
    fwrite(buffer, 1, buffer_size, stdout);
    free(buffer);
    fwrite(buffer, 1, buffer_size, stdout); // want CWE-416
    free(buffer); // want CWE-416
    return 0;
}
