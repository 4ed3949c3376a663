// 125-0 (C): <= TICKET_COUNT lets the index one past the end through.
/*
 * Look up one of the stored ticket ids by the position the user types in.
 */
#include <stdio.h>
#include <stdlib.h>

#define TICKET_COUNT 5

int main(void) {
    int tickets[TICKET_COUNT] = {104, 233, 317, 452, 598};
    int position;

    // read the position from the user
    printf("position: ");
    if (scanf("%d", &position) != 1) {
        return -1;
    }

    // return the ticket at that position if it is in bounds, -1 otherwise
    if (position >= 0 && position <= TICKET_COUNT) {
        printf("%d\n", tickets[position]); // want CWE-125 CWE-119 CWE-129
        return tickets[position]; // want CWE-125 CWE-119 CWE-129
    }
    return -1;
}
