/* Prints line counts for the log files named on the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct log_stats {
    long lines;
    int files;
    int skipped;
};

/* Log names may only use letters, digits, '.', '_' and '-', and may not look like options. */
static int acceptable_name(const char *name)
{
    if (name[0] == '\0' || name[0] == '-')
        return 0;
    return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == strlen(name);
}

static long count_lines(const char *name)
{
    char cmd[1024];
    long n = -1;
    FILE *p;

    snprintf(cmd, sizeof cmd, "wc -l < %s 2>/dev/null", name);
    p = popen(cmd, "r");
    if (!p)
        return -1;
    if (fscanf(p, "%ld", &n) != 1)
        n = -1;
    pclose(p);
    return n;
}

static void tally(struct log_stats *st, const char *name)
{
    long n;

    if (!acceptable_name(name)) {
        fprintf(stderr, "ignoring suspicious name: %s\n", name);
        st->skipped++;
        return;
    }
    n = count_lines(name);
    if (n < 0) {
        st->skipped++;
        return;
    }
    printf("%8ld %s\n", n, name);
    st->lines += n;
    st->files++;
}

int main(int argc, char **argv)
{
    const char *dir = getenv("LOG_DIR");
    struct log_stats st = { 0, 0, 0 };

    if (!dir)
        dir = "/var/log/app";
    if (chdir(dir) != 0) {
        perror(dir);
        return 1;
    }
    for (int i = 1; i < argc; i++)
        tally(&st, argv[i]);
    printf("%8ld total in %d files (%d skipped)\n", st.lines, st.files, st.skipped);
    return st.files > 0 ? 0 : 1;
}
