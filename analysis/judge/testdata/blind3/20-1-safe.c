// Log filter: reads "LEVEL message" lines from stdin, prints those at or above a threshold, then per-level counts.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NLEVELS 5

static const char *level_names[NLEVELS] = {"DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

struct log_stats {
    unsigned long *counts;
    unsigned long shown;
};

static int parse_level(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s)
        return -1;
    if (v < 0 || v >= NLEVELS)
        return -1;
    *out = (int)v;
    return 0;
}

static void account(struct log_stats *st, int lvl, int threshold, const char *msg)
{
    st->counts[lvl]++;
    if (lvl >= threshold) {
        st->shown++;
        printf("[%s]%s", level_names[lvl], msg);
    }
}

int main(int argc, char **argv)
{
    int threshold = 1;
    char line[512];
    struct log_stats st = {0};

    if (argc > 1 && parse_level(argv[1], &threshold) != 0) {
        fprintf(stderr, "usage: %s [threshold 0-%d]\n", argv[0], NLEVELS - 1);
        return 2;
    }
    st.counts = calloc(NLEVELS, sizeof *st.counts);
    if (!st.counts)
        return 1;
    while (fgets(line, sizeof line, stdin)) {
        int lvl;
        char *msg = strchr(line, ' ');
        if (!msg || parse_level(line, &lvl) != 0)
            continue;
        account(&st, lvl, threshold, msg);
    }
    for (int i = 0; i < NLEVELS; i++)
        printf("%-5s %lu\n", level_names[i], st.counts[i]);
    printf("shown %lu\n", st.shown);
    free(st.counts);
    return 0;
}
