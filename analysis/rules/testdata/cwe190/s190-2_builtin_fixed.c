// 190-2 (C): __builtin_add_overflow checks each addition.
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
    if (__builtin_add_overflow(sum, getMonthlySales(2), &sum) ||
        __builtin_add_overflow(sum, getMonthlySales(3), &sum)) {
        fprintf(stderr, "overflow\n");
        return 1;
    }
    printf("first quarter: %d\n", sum);
    return 0;
}
