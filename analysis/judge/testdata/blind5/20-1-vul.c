/* CGI program that moves credit between two accounts stored in a plain-text ledger file. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <ctype.h>

#define MAX_ACCOUNTS 64
#define NAME_LEN 32
#define MAX_BALANCE 1000000000000LL

struct account {
    char name[NAME_LEN];
    long long balance;
};

struct ledger {
    struct account acct[MAX_ACCOUNTS];
    int count;
};

static int valid_name(const char *s)
{
    if (*s == '\0')
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s))
            return 0;
    return 1;
}

static int load_ledger(const char *path, struct ledger *lg)
{
    FILE *fp = fopen(path, "r");
    char line[128];

    if (!fp)
        return -1;
    lg->count = 0;
    while (fgets(line, sizeof line, fp) && lg->count < MAX_ACCOUNTS) {
        char name[NAME_LEN];
        long long bal;
        if (sscanf(line, "%31s %lld", name, &bal) != 2)
            continue;
        if (!valid_name(name) || bal < 0 || bal > MAX_BALANCE)
            continue;
        memcpy(lg->acct[lg->count].name, name, sizeof name);
        lg->acct[lg->count].balance = bal;
        lg->count++;
    }
    fclose(fp);
    return 0;
}

static int save_ledger(const char *path, const struct ledger *lg)
{
    char tmp[512];
    FILE *fp;
    int i;

    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
        return -1;
    fp = fopen(tmp, "w");
    if (!fp)
        return -1;
    for (i = 0; i < lg->count; i++)
        fprintf(fp, "%s %lld\n", lg->acct[i].name, lg->acct[i].balance);
    if (fclose(fp) != 0)
        return -1;
    return rename(tmp, path);
}

static struct account *find_account(struct ledger *lg, const char *name)
{
    int i;
    for (i = 0; i < lg->count; i++)
        if (strcmp(lg->acct[i].name, name) == 0)
            return &lg->acct[i];
    return NULL;
}

static int get_param(const char *query, const char *key, char *out, size_t outsz)
{
    size_t klen = strlen(key);
    const char *p = query;

    while (p && *p) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            size_t vlen = len - klen - 1;
            if (vlen >= outsz)
                return -1;
            memcpy(out, p + klen + 1, vlen);
            out[vlen] = '\0';
            return 0;
        }
        p = end ? end + 1 : NULL;
    }
    return -1;
}

static int parse_amount(const char *s, long long *out)
{
    char *end;
    long long v;

    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

static const char *transfer(struct ledger *lg, const char *from, const char *to, long long amount)
{
    struct account *src = find_account(lg, from);
    struct account *dst = find_account(lg, to);

    if (!src || !dst)
        return "unknown account";
    if (src == dst)
        return "source and destination are the same";
    if (amount > src->balance)
        return "insufficient funds";
    if (dst->balance > MAX_BALANCE - amount)
        return "destination over limit";
    src->balance -= amount;
    dst->balance += amount;
    return NULL;
}

int main(void)
{
    const char *query = getenv("QUERY_STRING");
    const char *path = getenv("LEDGER_FILE");
    char from[NAME_LEN], to[NAME_LEN], amt[24];
    struct ledger lg;
    long long amount;
    const char *err;

    printf("Content-Type: text/plain\r\n\r\n");
    if (!path)
        path = "ledger.txt";
    if (!query || get_param(query, "from", from, sizeof from) != 0 ||
        get_param(query, "to", to, sizeof to) != 0 ||
        get_param(query, "amount", amt, sizeof amt) != 0 ||
        parse_amount(amt, &amount) != 0) {
        printf("bad request\n");
        return 0;
    }
    if (load_ledger(path, &lg) != 0) {
        printf("ledger unavailable\n");
        return 0;
    }
    err = transfer(&lg, from, to, amount);
    if (err) {
        printf("error: %s\n", err);
        return 0;
    }
    if (save_ledger(path, &lg) != 0) {
        printf("could not save ledger\n");
        return 0;
    }
    printf("transfer of %lld done\n", amount);
    return 0;
}
