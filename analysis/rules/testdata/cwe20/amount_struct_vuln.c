// CWE-20: a parser fills a struct from a stream and checks one field;
// the other field then drives a loop over a fixed table.
#include <stdio.h>

static const int rate_by_tier[5] = { 10, 20, 35, 50, 80 };

struct plan {
    int tier;
    int months;
};

static int read_plan(FILE *in, struct plan *p)
{
    if (fscanf(in, "%d:%d", &p->tier, &p->months) != 2)
        return -1;
    if (p->months < 1 || p->months > 120)
        return -1;
    return 0;
}

static int plan_cost(FILE *in)
{
    struct plan p;
    int cost = 0;

    if (read_plan(in, &p) != 0)
        return -1;
    for (int t = 0; t < p.tier; t++) // want CWE-20
        cost += rate_by_tier[t];
    return cost;
}

int main(void)
{
    int cost = plan_cost(stdin);
    if (cost < 0) {
        fprintf(stderr, "expected TIER:MONTHS\n");
        return 2;
    }
    printf("%d\n", cost);
    return 0;
}
