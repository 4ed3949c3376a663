// 190-2 (C): each month widened to long long before the sum.
/*
 * Quarterly sales report.
 */
#include <stdio.h>
#include <stdlib.h>

/* Units sold in month (1 to 12), from the sales database. */
extern int getMonthlySales(int month);

int main(void) {
    // add up the sales of January, February and March: the first quarter
    long long january = getMonthlySales(1);
    long long february = getMonthlySales(2);
    long long march = getMonthlySales(3);
    long long quarter = january + february + march;
    printf("first quarter: %lld\n", quarter);
    return 0;
}
