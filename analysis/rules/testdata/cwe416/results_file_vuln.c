// After freeing the buffer, write the bytes read and a checksum to a
// results file: the checksum is computed from the freed buffer.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    char *buffer = malloc(1024);
    if (buffer == NULL) return 1;
    size_t bytes_read = fread(buffer, 1, 1024, stdin);
    free(buffer);
    unsigned checksum = 0;
    for (size_t i = 0; i < bytes_read; i++) {
        checksum += buffer[i]; // want CWE-416
    }
    FILE *results = fopen("results.txt", "w"); // want CWE-732
    if (results == NULL) return 1;
    fprintf(results, "%zu %u\n", bytes_read, checksum);
    fclose(results);
    return 0;
}
