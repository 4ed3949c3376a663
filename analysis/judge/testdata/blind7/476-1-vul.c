/* Looks up a user in a colon-separated account file (name:uid:shell) and prints the uid and login shell. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct account {
    char name[64];
    long uid;
    char shell[128];
};

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

static int copy_field(char *dst, size_t dstsz, const char *src)
{
    size_t n = strlen(src);
    if (n >= dstsz)
        return -1;
    memcpy(dst, src, n + 1);
    return 0;
}

static int parse_account(char *line, struct account *acct)
{
    char *first = strchr(line, ':');
    if (first == NULL)
        return -1;
    *first = '\0';

    char *second = strchr(first + 1, ':');
    *second = '\0';

    char *end = NULL;
    errno = 0;
    long uid = strtol(first + 1, &end, 10);
    if (errno != 0 || end == first + 1 || *end != '\0' || uid < 0)
        return -1;

    if (copy_field(acct->name, sizeof(acct->name), line) < 0 ||
        copy_field(acct->shell, sizeof(acct->shell), second + 1) < 0)
        return -1;
    acct->uid = uid;
    return 0;
}

static int find_account(FILE *fp, const char *wanted, struct account *out)
{
    char line[512];
    int lineno = 0;
    while (fgets(line, sizeof(line), fp)) {
        lineno++;
        chomp(line);
        if (line[0] == '\0' || line[0] == '#')
            continue;
        struct account acct;
        if (parse_account(line, &acct) < 0) {
            fprintf(stderr, "line %d: malformed entry skipped\n", lineno);
            continue;
        }
        if (strcmp(acct.name, wanted) == 0) {
            *out = acct;
            return 0;
        }
    }
    return -1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s ACCOUNT-FILE USER\n", argv[0]);
        return 2;
    }
    FILE *fp = fopen(argv[1], "r");
    if (!fp) {
        perror(argv[1]);
        return 1;
    }
    struct account acct;
    int rc = find_account(fp, argv[2], &acct);
    fclose(fp);
    if (rc < 0) {
        fprintf(stderr, "%s: no such user\n", argv[2]);
        return 1;
    }
    printf("%s uid=%ld shell=%s\n", acct.name, acct.uid, acct.shell);
    return 0;
}
