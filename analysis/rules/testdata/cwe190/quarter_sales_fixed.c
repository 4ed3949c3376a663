// Accumulate in a wide type, or check before adding.
#include <limits.h>
#include <stdio.h>

extern int getMonthlySales(int month);

int main(void) {
    long long q1 = (long long)getMonthlySales(1) + getMonthlySales(2) + getMonthlySales(3);
    int total = 0;
    for (int month = 4; month <= 6; month++) {
        int sales = getMonthlySales(month);
        if (sales > 0 && total > INT_MAX - sales) {
            return 1;
        }
        total += sales;
    }
    printf("%lld %d\n", q1, total);
    return 0;
}
