/* Reads a colon-separated account file and prints the accounts that use a given login shell. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct account {
    unsigned uid;
    char shell[64];
    char name[32];
};

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

static int parse_account(const char *line, struct account *acct)
{
    memset(acct, 0, sizeof(*acct));
    int got = sscanf(line, "%[^:]:%u:%[^:\n]", acct->name, &acct->uid, acct->shell);
    return got == 3 ? 0 : -1;
}

static int load_matching(FILE *in, const char *shell, struct account *out, size_t max, size_t *count)
{
    char line[512];
    unsigned long lineno = 0;
    *count = 0;
    while (fgets(line, sizeof(line), in)) {
        lineno++;
        chomp(line);
        if (line[0] == '\0' || line[0] == '#')
            continue;
        struct account acct;
        if (parse_account(line, &acct) != 0) {
            fprintf(stderr, "line %lu: malformed\n", lineno);
            continue;
        }
        if (strcmp(acct.shell, shell) != 0)
            continue;
        if (*count == max) {
            fprintf(stderr, "too many matches, stopping\n");
            return 1;
        }
        out[(*count)++] = acct;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s ACCOUNT_FILE SHELL\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    struct account found[16];
    size_t count = 0;
    load_matching(in, argv[2], found, sizeof(found) / sizeof(found[0]), &count);
    fclose(in);
    for (size_t i = 0; i < count; i++)
        printf("%-31s %6u %s\n", found[i].name, found[i].uid, found[i].shell);
    printf("%zu account(s) use %s\n", count, argv[2]);
    return 0;
}
