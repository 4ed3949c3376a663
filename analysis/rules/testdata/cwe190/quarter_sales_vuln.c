// Sum the monthly sales of the first quarter.
#include <stdio.h>

extern int getMonthlySales(int month);

int main(void) {
    int q1 = getMonthlySales(1) + getMonthlySales(2) + getMonthlySales(3); // want CWE-190 CWE-190
    int total = 0;
    for (int month = 4; month <= 6; month++) {
        total += getMonthlySales(month); // want CWE-190
    }
    printf("%d %d\n", q1, total);
    return 0;
}
