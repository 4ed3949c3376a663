// A record's fixed-size name field is filled from the environment by a
// helper that trusts the length of what it is given.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct account {
    int id;
    char owner[16];
};

static void set_owner(struct account *a, const char *who);

int main(void) {
    struct account a = {1, ""};
    const char *who = getenv("USER");
    if (who == NULL)
        return 1;
    set_owner(&a, who);
    printf("%d %s\n", a.id, a.owner);
    return 0;
}

static void set_owner(struct account *a, const char *who) {
    strcpy(a->owner, who); // want CWE-787
}
