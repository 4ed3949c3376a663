// 125-0 (C): a ternary tests the upper bound only.
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
    int ticket = position < TICKET_COUNT ? tickets[position] : -1; // want CWE-125 CWE-119 CWE-129
    printf("%d\n", ticket);
    return ticket;
}
