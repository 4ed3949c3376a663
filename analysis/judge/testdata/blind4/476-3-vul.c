/* Small ledger: reads open/deposit/transfer/report commands from stdin and keeps account balances. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 24
#define MAX_ACCOUNTS 32
#define BALANCE_LIMIT 1000000000L

struct account {
    char owner[NAME_MAX_LEN];
    long balance;
    unsigned transfers;
};

struct ledger {
    struct account accounts[MAX_ACCOUNTS];
    size_t count;
};

static struct account *ledger_find(struct ledger *lg, const char *owner)
{
    for (size_t i = 0; i < lg->count; i++)
        if (strcmp(lg->accounts[i].owner, owner) == 0)
            return &lg->accounts[i];
    return NULL;
}

static int parse_amount(const char *s, long *out)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v <= 0 || v > BALANCE_LIMIT)
        return -1;
    *out = v;
    return 0;
}

static const char *ledger_open(struct ledger *lg, const char *owner)
{
    if (strlen(owner) >= NAME_MAX_LEN)
        return "name too long";
    if (ledger_find(lg, owner) != NULL)
        return "account exists";
    if (lg->count >= MAX_ACCOUNTS)
        return "ledger full";
    struct account *a = &lg->accounts[lg->count++];
    snprintf(a->owner, sizeof(a->owner), "%s", owner);
    a->balance = 0;
    a->transfers = 0;
    return NULL;
}

static const char *ledger_deposit(struct ledger *lg, const char *owner, long amount)
{
    struct account *a = ledger_find(lg, owner);
    if (a == NULL)
        return "no such account";
    if (a->balance > BALANCE_LIMIT - amount)
        return "balance limit";
    a->balance += amount;
    return NULL;
}

static const char *ledger_transfer(struct ledger *lg, const char *from, const char *to, long amount)
{
    struct account *src = ledger_find(lg, from);
    struct account *dst = ledger_find(lg, to);
    if (src == NULL)
        return "no such account";
    if (src->balance < amount)
        return "insufficient funds";
    if (dst->balance > BALANCE_LIMIT - amount)
        return "balance limit";
    src->balance -= amount;
    dst->balance += amount;
    src->transfers++;
    dst->transfers++;
    return NULL;
}

static void ledger_report(const struct ledger *lg)
{
    for (size_t i = 0; i < lg->count; i++)
        printf("%-*s %12ld  (%u transfers)\n", NAME_MAX_LEN, lg->accounts[i].owner,
               lg->accounts[i].balance, lg->accounts[i].transfers);
}

static const char *run_command(struct ledger *lg, char *line)
{
    char *save = NULL;
    char *cmd = strtok_r(line, " \t\r\n", &save);
    char *a1 = strtok_r(NULL, " \t\r\n", &save);
    char *a2 = strtok_r(NULL, " \t\r\n", &save);
    char *a3 = strtok_r(NULL, " \t\r\n", &save);
    long amount = 0;
    if (cmd == NULL)
        return NULL;
    if (strcmp(cmd, "open") == 0 && a1 != NULL)
        return ledger_open(lg, a1);
    if (strcmp(cmd, "deposit") == 0 && a1 != NULL && a2 != NULL)
        return parse_amount(a2, &amount) != 0 ? "bad amount" : ledger_deposit(lg, a1, amount);
    if (strcmp(cmd, "transfer") == 0 && a1 != NULL && a2 != NULL && a3 != NULL)
        return parse_amount(a3, &amount) != 0 ? "bad amount" : ledger_transfer(lg, a1, a2, amount);
    if (strcmp(cmd, "report") == 0) {
        ledger_report(lg);
        return NULL;
    }
    return "unknown command";
}

int main(void)
{
    static struct ledger lg;
    char line[256];
    unsigned lineno = 0;
    while (fgets(line, sizeof(line), stdin) != NULL) {
        lineno++;
        const char *err = run_command(&lg, line);
        if (err != NULL)
            fprintf(stderr, "line %u: %s\n", lineno, err);
    }
    return 0;
}
