// 787-1 (C): the count is clamped to the capacity before the loop.
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
    int count = chunk[0];
    if (count > KEPT_INTS) {
        count = KEPT_INTS;
    }
    if (count > (int) received - 1) {
        count = (int) received - 1;
    }
    for (int i = 0; i < count; i++) {
        kept[i] = chunk[i + 1];
    }
    printf("kept %d values\n", count);
    return 0;
}
