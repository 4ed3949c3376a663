/* Counts how many lines of each given log file contain a search string, using grep. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct search {
    const char *pattern;
    int ignore_case;
};

static char *shell_quote(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(len + 3);
    if (!out)
        return NULL;
    char *p = out;
    *p++ = '\'';
    memcpy(p, s, len);
    p += len;
    *p++ = '\'';
    *p = '\0';
    return out;
}

static char *build_command(const struct search *srch, const char *file)
{
    char *qpat = shell_quote(srch->pattern);
    char *qfile = shell_quote(file);
    char *cmd = NULL;
    if (qpat && qfile) {
        size_t size = strlen(qpat) + strlen(qfile) + 32;
        cmd = malloc(size);
        if (cmd)
            snprintf(cmd, size, "grep -c -F %s-- %s %s", srch->ignore_case ? "-i " : "", qpat, qfile);
    }
    free(qpat);
    free(qfile);
    return cmd;
}

static long count_matches(const struct search *srch, const char *file)
{
    char *cmd = build_command(srch, file);
    if (!cmd)
        return -1;
    FILE *pp = popen(cmd, "r");
    free(cmd);
    if (!pp)
        return -1;
    char line[64];
    long count = -1;
    if (fgets(line, sizeof line, pp)) {
        char *end;
        long v = strtol(line, &end, 10);
        if (end != line)
            count = v;
    }
    pclose(pp);
    return count;
}

static void usage(const char *prog)
{
    fprintf(stderr, "usage: %s [-i] STRING LOGFILE...\n", prog);
}

int main(int argc, char **argv)
{
    struct search srch = { NULL, 0 };
    int i = 1;
    if (i < argc && strcmp(argv[i], "-i") == 0) {
        srch.ignore_case = 1;
        i++;
    }
    if (argc - i < 2) {
        usage(argv[0]);
        return 2;
    }
    srch.pattern = argv[i++];
    long total = 0;
    int errors = 0;
    for (; i < argc; i++) {
        long n = count_matches(&srch, argv[i]);
        if (n < 0) {
            fprintf(stderr, "%s: cannot search\n", argv[i]);
            errors++;
            continue;
        }
        printf("%8ld  %s\n", n, argv[i]);
        total += n;
    }
    printf("%8ld  total\n", total);
    return errors ? 1 : 0;
}
