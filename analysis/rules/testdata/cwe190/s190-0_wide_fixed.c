// 190-0 (C): the sum is computed in long: rand() is at most RAND_MAX.
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
    long ticket = (long) rand() + 1001;
    printf("ticket %ld\n", ticket);
    return 0;
}
