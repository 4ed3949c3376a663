// 190-2 (C): a loop adds the months into an int.
/*
 * Quarterly sales report.
 */
#include <stdio.h>
#include <stdlib.h>

/* Units sold in month (1 to 12), from the sales database. */
extern int getMonthlySales(int month);

int main(void) {
    // add up the sales of January, February and March: the first quarter
    int total = 0;
    for (int month = 1; month <= 3; month++) {
        total += getMonthlySales(month); // want CWE-190
    }
    printf("first quarter: %d\n", total);
    return 0;
}
