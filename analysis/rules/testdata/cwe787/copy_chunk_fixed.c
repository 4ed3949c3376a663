// The stored length is checked against the second chunk's capacity.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 10

int main(int argc, char *argv[]) {
    int *chunk = malloc(sizeof(int) * CHUNK);
    int *chunk2 = malloc(sizeof(int) * CHUNK);
    if (chunk == NULL || chunk2 == NULL) return 1;
    chunk[0] = atoi(argv[1]);
    int n = chunk[0];
    if (n < 0 || n > CHUNK) {
        return 1;
    }
    memcpy(chunk2, chunk, n * sizeof(int));
    for (int i = 0; i < chunk[0] && i < CHUNK; i++) {
        chunk2[i] = chunk[i];
    }
    printf("%d\n", chunk2[0]);
    free(chunk);
    free(chunk2);
    return 0;
}
