// 190-2 (C++): an int accumulator in a loop.
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
        quarter += getMonthlySales(month); // want CWE-190
    }
    std::cout << "first quarter: " << quarter << "\n";
    return 0;
}
