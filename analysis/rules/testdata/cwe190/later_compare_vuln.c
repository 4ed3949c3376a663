// Prints the price of N tickets at 250 cents each, then one line per
// ticket; N is given on the command line.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    int tickets = atoi(argv[1]);
    int cents = tickets * 250; // want CWE-190
    printf("total %d.%02d\n", cents / 100, cents % 100);
    for (int i = 0; i < tickets; i++)
        printf("ticket %d\n", i + 1);
    return 0;
}
