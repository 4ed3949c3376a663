// Counts answers 1 to 5 read from stdin in a tally a helper updates; the
// reading loop checks each answer before it is counted.
#include <stdio.h>

static int tally[5];

static void count(int answer)
{
    tally[answer - 1]++;
}

int main(void)
{
    int a;
    while (scanf("%d", &a) == 1) {
        if (a < 1 || a > 5)
            continue;
        count(a);
    }
    for (int i = 0; i < 5; i++)
        printf("%d: %d\n", i + 1, tally[i]);
    return 0;
}
