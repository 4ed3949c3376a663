// Prints the shell of each user id given on the command line, from a
// small table: a user that is not in the table gets a default, except
// that id 0 is taken to be always there and is looked up regardless.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct account {
    unsigned uid;
    const char *shell;
};

static const struct account table[] = {{1000, "/bin/bash"}, {1001, "/bin/zsh"}};

static const struct account *find_account(unsigned uid)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (table[i].uid == uid)
            return &table[i];
    }
    return NULL;
}

static void print_shell(unsigned uid);

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        print_shell((unsigned)strtoul(argv[i], NULL, 10));
    return 0;
}

static void print_shell(unsigned uid)
{
    const struct account *a = find_account(uid);
    const char *shell;
    if (!a && uid != 0)
        shell = "/bin/sh";
    else
        shell = a->shell; // want CWE-476
    printf("%u: %s\n", uid, shell);
}
