// Counts answers 1 to 5 read from stdin in a tally a helper updates; the
// reading loop checks that each answer is at most 5.
#include <stdio.h>

static int tally[5];

static void count(int answer)
{
    tally[answer - 1]++; // want CWE-119 CWE-129 CWE-787
}

int main(void)
{
    int a;
    while (scanf("%d", &a) == 1) {
        if (a > 5)
            continue;
        count(a);
    }
    for (int i = 0; i < 5; i++)
        printf("%d: %d\n", i + 1, tally[i]);
    return 0;
}
