// 190-2 (C): the sum is printed straight from the additions into an int.
/*
 * Quarterly sales report.
 */
#include <stdio.h>
#include <stdlib.h>

/* Units sold in month (1 to 12), from the sales database. */
extern int getMonthlySales(int month);

int main(void) {
    // add up the sales of January, February and March: the first quarter
    int sum = getMonthlySales(1);
    sum = sum + getMonthlySales(2); // want CWE-190
    sum = sum + getMonthlySales(3); // want CWE-190
    printf("first quarter: %d\n", sum);
    return 0;
}
