// Moves coins between two purses named on each line of standard input
// ("FROM TO AMOUNT"). The amount is checked against the purse it is
// taken from.
#include <stdio.h>

struct purse {
    long coins;
};

static struct purse purses[4] = {{100}, {100}, {100}, {100}};

static int move_coins(struct purse *from, struct purse *to, long amount);

int main(void)
{
    int a, b;
    long amount;
    while (scanf("%d %d %ld", &a, &b, &amount) == 3) {
        if (a < 0 || a >= 4 || b < 0 || b >= 4 || a == b)
            continue;
        if (move_coins(&purses[a], &purses[b], amount) != 0)
            puts("refused");
    }
    for (int i = 0; i < 4; i++)
        printf("%d: %ld\n", i, purses[i].coins);
    return 0;
}

static int move_coins(struct purse *from, struct purse *to, long amount)
{
    if (amount <= 0 || amount > from->coins)
        return -1;
    from->coins -= amount;
    to->coins += amount;
    return 0;
}
