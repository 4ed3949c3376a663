/* Applies transfer lines read from stdin to the accounts listed in $LEDGER_FILE and prints balances. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ACCOUNTS 128
#define NAME_LEN 32
#define MAX_AMOUNT 1000000000L

struct account {
    char name[NAME_LEN];
    long balance;
};

struct ledger {
    struct account accounts[MAX_ACCOUNTS];
    size_t count;
};

static int parse_amount(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end != '\0' || v <= 0 || v > MAX_AMOUNT)
        return -1;
    *out = v;
    return 0;
}

static int load_ledger(const char *path, struct ledger *lg)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[128];
    lg->count = 0;
    while (fgets(line, sizeof(line), f) && lg->count < MAX_ACCOUNTS) {
        char name[NAME_LEN];
        char amount[24];
        long bal;
        if (sscanf(line, "%31s %23s", name, amount) != 2 || parse_amount(amount, &bal) != 0)
            continue;
        struct account *a = &lg->accounts[lg->count++];
        snprintf(a->name, sizeof(a->name), "%s", name);
        a->balance = bal;
    }
    fclose(f);
    return 0;
}

static struct account *find_account(struct ledger *lg, const char *name)
{
    for (size_t i = 0; i < lg->count; i++)
        if (strcmp(lg->accounts[i].name, name) == 0)
            return &lg->accounts[i];
    return NULL;
}

static const char *check_transfer(const struct account *from, const struct account *to,
                                  long amount)
{
    if (!from)
        return "unknown source account";
    if (!to)
        return "unknown destination account";
    if (from == to)
        return "source and destination are the same";
    if (from->balance < amount)
        return "insufficient funds";
    return NULL;
}

static void apply_transfer(struct account *from, struct account *to, long amount)
{
    from->balance -= amount;
    to->balance += amount;
}

static void process(struct ledger *lg, FILE *in)
{
    char line[160];
    unsigned lineno = 0;
    while (fgets(line, sizeof(line), in)) {
        char src[NAME_LEN], dst[NAME_LEN], amt[24];
        long amount;
        lineno++;
        if (sscanf(line, "%31s %31s %23s", src, dst, amt) != 3 ||
            parse_amount(amt, &amount) != 0) {
            fprintf(stderr, "line %u: malformed\n", lineno);
            continue;
        }
        struct account *from = find_account(lg, src);
        struct account *to = find_account(lg, dst);
        const char *err = check_transfer(from, to, amount);
        if (err) {
            fprintf(stderr, "line %u: %s\n", lineno, err);
            continue;
        }
        apply_transfer(from, to, amount);
    }
}

int main(void)
{
    const char *path = getenv("LEDGER_FILE");
    if (!path || !*path)
        path = "ledger.txt";
    struct ledger *lg = malloc(sizeof(*lg));
    if (!lg) {
        perror("malloc");
        return 1;
    }
    if (load_ledger(path, lg) != 0) {
        perror(path);
        free(lg);
        return 1;
    }
    process(lg, stdin);
    for (size_t i = 0; i < lg->count; i++)
        printf("%-20s %ld\n", lg->accounts[i].name, lg->accounts[i].balance);
    free(lg);
    return 0;
}
