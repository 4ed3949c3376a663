// Lists the accounts of a "name:uid:shell" file named on the command
// line. The parser's %[...] conversions carry the widths of the record's
// arrays, less one for the terminator.
#include <stdio.h>
#include <string.h>

struct account {
    char name[32];
    unsigned uid;
    char shell[64];
};

static int parse_account(const char *line, struct account *acct);

static void trim_newline(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r')) {
        s[--n] = '\0';
    }
}

static int list_accounts(FILE *in)
{
    char line[512];
    int listed = 0;
    while (fgets(line, sizeof line, in) != NULL) {
        trim_newline(line);
        struct account acct;
        if (parse_account(line, &acct) == 0) {
            printf("%-31s %6u %s\n", acct.name, acct.uid, acct.shell);
            listed++;
        }
    }
    return listed;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (in == NULL) {
        perror(argv[1]);
        return 1;
    }
    int n = list_accounts(in);
    fclose(in);
    printf("%d account(s)\n", n);
    return 0;
}

static int parse_account(const char *line, struct account *acct)
{
    memset(acct, 0, sizeof *acct);
    return sscanf(line, "%31[^:]:%u:%63[^:\n]", acct->name, &acct->uid, acct->shell) == 3 ? 0 : -1;
}
