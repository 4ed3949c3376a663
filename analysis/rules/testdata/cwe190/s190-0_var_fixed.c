// 190-0 (C): the random number is reduced with % before the addition.
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
    int r = rand() % 100000;
    int ticket = r + 1001;
    printf("ticket %d\n", ticket);
    return 0;
}
