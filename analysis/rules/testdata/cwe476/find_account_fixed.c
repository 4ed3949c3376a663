// A lookup in a list returns NULL for an unknown name; its callers test
// for it.
#include <stdio.h>
#include <string.h>

struct account {
    const char *owner;
    long balance;
};

static struct account accounts[] = {{"ada", 10}, {"bob", 20}};

static struct account *find_account(const char *owner) {
    for (size_t i = 0; i < sizeof accounts / sizeof accounts[0]; i++)
        if (strcmp(accounts[i].owner, owner) == 0)
            return &accounts[i];
    return NULL;
}

static struct account *lookup(const char *owner) {
    return find_account(owner);
}

static long balance_of(const struct account *a) {
    if (a == NULL)
        return 0;
    return a->balance;
}

int main(int argc, char *argv[]) {
    struct account *a = find_account(argc > 1 ? argv[1] : "eve");
    if (a == NULL)
        return 1;
    a->balance += 5;
    struct account *b = lookup("eve");
    printf("%ld\n", balance_of(b));
    return 0;
}
