// 190-2 (C): each month in a variable, then one sum.
/*
 * Quarterly sales report.
 */
#include <stdio.h>
#include <stdlib.h>

/* Units sold in month (1 to 12), from the sales database. */
extern int getMonthlySales(int month);

int main(void) {
    // add up the sales of January, February and March: the first quarter
    int january = getMonthlySales(1);
    int february = getMonthlySales(2);
    int march = getMonthlySales(3);
    int quarter = january + february + march; // want CWE-190
    printf("first quarter: %d\n", quarter);
    return 0;
}
