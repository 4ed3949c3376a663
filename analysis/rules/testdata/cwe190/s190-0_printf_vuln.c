// 190-0 (C): the addition is inside the printf.
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
    printf("ticket %d\n", 1000 + rand()); // want CWE-190
    return 0;
}
