// Ledger tool: applies "deposit NAME AMOUNT" and "transfer FROM TO AMOUNT" commands from stdin to a built-in account table.
#include <stdio.h>
#include <string.h>

struct account {
    char name[16];
    long balance;
};

static struct account accounts[] = {{"alice", 100}, {"bob", 50}, {"carol", 0}};

static struct account *find_account(const char *name)
{
    for (size_t i = 0; i < sizeof accounts / sizeof accounts[0]; i++)
        if (strcmp(accounts[i].name, name) == 0)
            return &accounts[i];
    return NULL;
}

static int deposit(const char *name, long amount)
{
    struct account *a = find_account(name);
    if (!a || amount <= 0)
        return -1;
    a->balance += amount;
    return 0;
}

static int transfer(const char *from, const char *to, long amount)
{
    struct account *src = find_account(from);
    struct account *dst = find_account(to);

    if (!src || !dst || amount <= 0)
        return -1;
    if (src->balance < amount) {
        fprintf(stderr, "%s: insufficient funds\n", from);
        return -1;
    }
    src->balance -= amount;
    dst->balance += amount;
    return 0;
}

int main(void)
{
    char line[128], a[16], b[16];
    long amount;
    int failed = 0;

    while (fgets(line, sizeof line, stdin)) {
        int rc = -1;
        if (sscanf(line, "deposit %15s %ld", a, &amount) == 2)
            rc = deposit(a, amount);
        else if (sscanf(line, "transfer %15s %15s %ld", a, b, &amount) == 3)
            rc = transfer(a, b, amount);
        if (rc != 0) {
            fprintf(stderr, "failed: %s", line);
            failed++;
        }
    }
    for (size_t i = 0; i < sizeof accounts / sizeof accounts[0]; i++)
        printf("%-6s %ld\n", accounts[i].name, accounts[i].balance);
    return failed ? 1 : 0;
}
