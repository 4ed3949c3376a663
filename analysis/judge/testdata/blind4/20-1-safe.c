/* Reads ledger commands (open, deposit, withdraw, transfer) from stdin and prints final balances. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define MAX_ACCOUNTS 16
#define NAME_LEN 32
#define MAX_BALANCE 1000000000000LL

struct account {
    char name[NAME_LEN];
    long long balance;
};

struct ledger {
    struct account accts[MAX_ACCOUNTS];
    size_t count;
};

static struct account *find_account(struct ledger *lg, const char *name)
{
    for (size_t i = 0; i < lg->count; i++)
        if (strcmp(lg->accts[i].name, name) == 0)
            return &lg->accts[i];
    return NULL;
}

static int open_account(struct ledger *lg, const char *name)
{
    if (lg->count >= MAX_ACCOUNTS || strlen(name) >= NAME_LEN || find_account(lg, name))
        return -1;
    struct account *a = &lg->accts[lg->count++];
    snprintf(a->name, sizeof a->name, "%s", name);
    a->balance = 0;
    return 0;
}

static int parse_amount(const char *text, long long *out)
{
    const char *p = text;
    size_t digits = 0;

    if (*p == '+' || *p == '-')
        p++;
    while (isdigit((unsigned char)p[digits]))
        digits++;
    if (digits == 0 || digits > 9 || p[digits] != '\0')
        return -1;
    *out = strtoll(text, NULL, 10);
    if (*out <= 0)
        return -1;
    return 0;
}

static int credit(struct account *a, long long amount)
{
    if (a->balance > MAX_BALANCE - amount)
        return -1;
    a->balance += amount;
    return 0;
}

static int debit(struct account *a, long long amount)
{
    if (amount > a->balance)
        return -1;
    a->balance -= amount;
    return 0;
}

static int transfer(struct ledger *lg, const char *from, const char *to, long long amount)
{
    struct account *src = find_account(lg, from);
    struct account *dst = find_account(lg, to);
    if (!src || !dst || src == dst)
        return -1;
    if (debit(src, amount) != 0)
        return -1;
    if (credit(dst, amount) != 0) {
        src->balance += amount;
        return -1;
    }
    return 0;
}

static int run_command(struct ledger *lg, char *line)
{
    char *save = NULL;
    char *cmd = strtok_r(line, " \t\r\n", &save);
    char *a1 = strtok_r(NULL, " \t\r\n", &save);
    char *a2 = strtok_r(NULL, " \t\r\n", &save);
    char *a3 = strtok_r(NULL, " \t\r\n", &save);
    long long amount;

    if (!cmd || cmd[0] == '#')
        return 0;
    if (strcmp(cmd, "open") == 0 && a1)
        return open_account(lg, a1);
    if (strcmp(cmd, "deposit") == 0 && a1 && a2) {
        struct account *a = find_account(lg, a1);
        if (!a || parse_amount(a2, &amount) != 0)
            return -1;
        return credit(a, amount);
    }
    if (strcmp(cmd, "withdraw") == 0 && a1 && a2) {
        struct account *a = find_account(lg, a1);
        if (!a || parse_amount(a2, &amount) != 0)
            return -1;
        return debit(a, amount);
    }
    if (strcmp(cmd, "transfer") == 0 && a1 && a2 && a3) {
        if (parse_amount(a3, &amount) != 0)
            return -1;
        return transfer(lg, a1, a2, amount);
    }
    return -1;
}

int main(void)
{
    static struct ledger lg;
    char line[256];
    unsigned lineno = 0;

    while (fgets(line, sizeof line, stdin)) {
        lineno++;
        if (run_command(&lg, line) != 0)
            fprintf(stderr, "line %u: rejected\n", lineno);
    }
    for (size_t i = 0; i < lg.count; i++)
        printf("%-16s %lld\n", lg.accts[i].name, lg.accts[i].balance);
    return 0;
}
