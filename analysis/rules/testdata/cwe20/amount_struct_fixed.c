// CWE-20, fixed: the parser checks every field it fills before it
// reports success, so the helper loops within the table.
#include <stdio.h>

static const int rate_by_tier[5] = { 10, 20, 35, 50, 80 };

struct plan {
    int tier;
    int months;
};

static int parse_plan(const char *arg, struct plan *p)
{
    if (sscanf(arg, "%d:%d", &p->tier, &p->months) != 2)
        return -1;
    if (p->months < 1 || p->months > 120 || p->tier < 0 || p->tier > 5)
        return -1;
    return 0;
}

static int plan_cost(const struct plan *p)
{
    int cost = 0;
    for (int t = 0; t < p->tier; t++)
        cost += rate_by_tier[t];
    return cost * p->months;
}

int main(int argc, char **argv)
{
    struct plan p;
    if (argc != 2 || parse_plan(argv[1], &p) != 0) {
        fprintf(stderr, "usage: %s TIER:MONTHS\n", argv[0]);
        return 2;
    }
    printf("%d\n", plan_cost(&p));
    return 0;
}
