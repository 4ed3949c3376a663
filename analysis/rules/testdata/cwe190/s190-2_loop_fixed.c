// 190-2 (C): the total is a long.
/*
 * Quarterly sales report.
 */
#include <stdio.h>
#include <stdlib.h>

/* Units sold in month (1 to 12), from the sales database. */
extern int getMonthlySales(int month);

int main(void) {
    // add up the sales of January, February and March: the first quarter
    long total = 0;
    for (int month = 1; month <= 3; month++) {
        total += getMonthlySales(month);
    }
    printf("first quarter: %ld\n", total);
    return 0;
}
