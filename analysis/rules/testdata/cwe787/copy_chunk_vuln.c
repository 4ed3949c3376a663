// Copy a chunk of ints into a second chunk; the chunk's length is kept
// in its element 0, and nothing compares it with the second chunk.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 10

int main(int argc, char *argv[]) {
    int *chunk = malloc(sizeof(int) * CHUNK);
    int *chunk2 = malloc(sizeof(int) * CHUNK);
    if (chunk == NULL || chunk2 == NULL) return 1;
    chunk[0] = atoi(argv[1]);
    memcpy(chunk2, chunk, chunk[0] * sizeof(int)); // want CWE-787:cwe787-copy-size-from-data CWE-190
    for (int i = 0; i < chunk[0]; i++) {
        chunk2[i] = chunk[i]; // want CWE-787:cwe787-loop-index-overrun
    }
    printf("%d\n", chunk2[0]);
    free(chunk);
    free(chunk2);
    return 0;
}
