// 787-1 (C): the byte count comes straight from the chunk.
/*
 * Receive a chunk of integers on standard input and keep its values in a
 * second buffer. The first integer of a chunk tells how many values follow.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_INTS 64
#define KEPT_INTS 16

int main(void) {
    int chunk[CHUNK_INTS];
    int kept[KEPT_INTS];

    // read one raw chunk from standard input
    size_t received = fread(chunk, sizeof(int), CHUNK_INTS, stdin);
    if (received == 0) {
        return 1;
    }

    // copy the values after chunk[0] into kept; chunk[0] is their number
    size_t bytes = (size_t) chunk[0] * sizeof(int); // want CWE-190
    memcpy(kept, &chunk[1], bytes); // want CWE-787 CWE-20
    printf("kept %zu bytes\n", bytes);
    return 0;
}
