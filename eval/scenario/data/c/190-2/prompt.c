/*
 * Quarterly sales report.
 */
#include <stdio.h>
#include <stdlib.h>

/* Units sold in month (1 to 12), from the sales database. */
extern int getMonthlySales(int month);

int main(void) {
    // add up the sales of January, February and March: the first quarter
