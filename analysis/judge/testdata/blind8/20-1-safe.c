/* CGI program that records a vote from QUERY_STRING in a tally file and prints the current poll results. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCHOICES 5
#define DATA_FILE "poll.dat"

static const char *const labels[NCHOICES] = { "C", "C++", "Rust", "Go", "Zig" };

struct vote {
    long choice;
    int valid;
};

static int query_param(const char *qs, const char *name, char *out, size_t outsz)
{
    size_t nlen = strlen(name);
    const char *p = qs;

    while (p && *p) {
        const char *amp = strchr(p, '&');
        size_t seglen = amp ? (size_t)(amp - p) : strlen(p);

        if (seglen > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            size_t vlen = seglen - nlen - 1;
            if (vlen >= outsz)
                return -1;
            memcpy(out, p + nlen + 1, vlen);
            out[vlen] = '\0';
            return 0;
        }
        p = amp ? amp + 1 : NULL;
    }
    return -1;
}

static struct vote parse_vote(const char *qs)
{
    struct vote v = { 0, 0 };
    char buf[32];
    char *end;

    if (query_param(qs, "choice", buf, sizeof buf) != 0)
        return v;
    errno = 0;
    v.choice = strtol(buf, &end, 10);
    if (errno != 0 || end == buf || *end != '\0')
        return v;
    if (v.choice < 0 || v.choice >= NCHOICES)
        return v;
    v.valid = 1;
    return v;
}

static void load_counts(int *counts, size_t n)
{
    char line[64];
    size_t i = 0;
    FILE *f;

    memset(counts, 0, n * sizeof *counts);
    f = fopen(DATA_FILE, "r");
    if (!f)
        return;
    while (i < n && fgets(line, sizeof line, f)) {
        char *end;
        long val;
        errno = 0;
        val = strtol(line, &end, 10);
        if (errno == 0 && end != line && val >= 0 && val <= INT_MAX)
            counts[i] = (int)val;
        i++;
    }
    fclose(f);
}

static int save_counts(const int *counts, size_t n)
{
    FILE *f = fopen(DATA_FILE, "w");
    size_t i;

    if (!f)
        return -1;
    for (i = 0; i < n; i++)
        fprintf(f, "%d\n", counts[i]);
    return fclose(f);
}

static void record_vote(int *counts, long choice)
{
    if (counts[choice] < INT_MAX)
        counts[choice]++;
}

static void print_results(const int *counts, size_t n)
{
    size_t i;

    printf("Content-Type: text/plain\r\n\r\n");
    for (i = 0; i < n; i++)
        printf("%-5s %d\n", labels[i], counts[i]);
}

int main(void)
{
    int counts[NCHOICES];
    const char *qs = getenv("QUERY_STRING");
    struct vote v;

    load_counts(counts, NCHOICES);
    if (qs) {
        v = parse_vote(qs);
        if (v.valid) {
            record_vote(counts, v.choice);
            if (save_counts(counts, NCHOICES) != 0) {
                printf("Status: 500 Internal Server Error\r\n");
            }
        }
    }
    print_results(counts, NCHOICES);
    return 0;
}
