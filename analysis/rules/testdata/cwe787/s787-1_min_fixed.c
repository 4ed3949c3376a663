// 787-1 (C): the count is limited with a ternary before the copy.
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
    size_t count = chunk[0] < 0 ? 0 : (size_t) chunk[0];
    size_t n = count < KEPT_INTS ? count : KEPT_INTS;
    memcpy(kept, &chunk[1], n * sizeof(int));
    printf("kept %zu values\n", n);
    return 0;
}
