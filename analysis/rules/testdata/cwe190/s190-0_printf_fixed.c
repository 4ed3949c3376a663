// 190-0 (C): a division keeps the random number small.
/*
 * Hand out a random ticket number. Ticket numbers are always larger than
 * 1000.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void) {
    srand((unsigned int) time(NULL));

    // pick a random ticket number larger than 1000
    printf("ticket %d\n", 1001 + rand() / (RAND_MAX / 9000 + 1));
    return 0;
}
