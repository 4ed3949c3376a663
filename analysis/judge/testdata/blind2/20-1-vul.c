/* Reads "host percent" CPU utilisation samples from stdin and prints a histogram. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUCKETS 101

struct histogram {
    unsigned counts[BUCKETS];
    unsigned total;
    char last_host[64];
};

static int parse_sample(const char *line, char *host, size_t hostsz, int *pct)
{
    char name[64];
    int value;

    if (sscanf(line, "%63s %d", name, &value) != 2)
        return -1;
    snprintf(host, hostsz, "%s", name);
    *pct = value;
    return 0;
}

static void record(struct histogram *h, const char *host, int pct)
{
    h->counts[pct]++;
    h->total++;
    snprintf(h->last_host, sizeof h->last_host, "%s", host);
}

static void print_histogram(const struct histogram *h)
{
    for (int b = 0; b < BUCKETS; b += 10) {
        unsigned sum = 0;
        for (int i = b; i < b + 10 && i < BUCKETS; i++)
            sum += h->counts[i];
        printf("%3d%%-%3d%%: %u\n", b, b + 9 > 100 ? 100 : b + 9, sum);
    }
    printf("%u samples, last from %s\n", h->total, h->total ? h->last_host : "-");
}

int main(void)
{
    struct histogram *h = calloc(1, sizeof *h);
    char line[256], host[64];
    int pct;

    if (!h)
        return 1;
    while (fgets(line, sizeof line, stdin)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (parse_sample(line, host, sizeof host, &pct) < 0) {
            fprintf(stderr, "skipping malformed line\n");
            continue;
        }
        if (pct > 100) {
            fprintf(stderr, "%s: utilisation %d%% out of range\n", host, pct);
            continue;
        }
        record(h, host, pct);
    }
    print_histogram(h);
    free(h);
    return 0;
}
