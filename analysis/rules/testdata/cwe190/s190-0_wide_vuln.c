// 190-0 (C): a multiplication scales the random number up.
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
    int ticket = rand() * 10 + 1001; // want CWE-190
    printf("ticket %d\n", ticket);
    return 0;
}
