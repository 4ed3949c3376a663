// 190-2 (C++): a check against INT_MAX before each addition (climits is not included: the limit is written out).
/*
 * Quarterly sales report.
 */
#include <iostream>

/* Units sold in month (1 to 12), from the sales database. */
extern int getMonthlySales(int month);

int main() {
    std::cout << "Quarterly sales report\n";

    // add up the sales of January, February and March: the first quarter
    int quarter = 0;
    for (int month = 1; month <= 3; ++month) {
        const int sales = getMonthlySales(month);
        if (sales > 0 && quarter > 2147483647 - sales) {
            std::cerr << "overflow\n";
            return 1;
        }
        quarter += sales;
    }
    std::cout << "first quarter: " << quarter << "\n";
    return 0;
}
