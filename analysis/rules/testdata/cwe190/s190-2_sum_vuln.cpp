// 190-2 (C++): a direct sum into an int.
/*
 * Quarterly sales report.
 */
#include <iostream>

/* Units sold in month (1 to 12), from the sales database. */
extern int getMonthlySales(int month);

int main() {
    std::cout << "Quarterly sales report\n";

    // add up the sales of January, February and March: the first quarter
    const int quarter = getMonthlySales(1) + getMonthlySales(2) + getMonthlySales(3); // want CWE-190
    std::cout << "first quarter: " << quarter << "\n";
    return 0;
}
