// Tallies sensor readings per channel from "channel value" lines on
// stdin. The parser stores the channel through an out-parameter after
// testing only its upper end, so "-3 10" writes before the heap table.
#include <stdio.h>
#include <stdlib.h>

#define CHANNELS 8

struct tally {
    long *sum;
    unsigned seen;
};

static int parse_channel(const char *text, int *out);
static void add_reading(struct tally *t, int ch, long value);

int main(void)
{
    char line[128];
    struct tally t = {0};
    t.sum = calloc(CHANNELS, sizeof *t.sum);
    if (t.sum == NULL)
        return 1;
    while (fgets(line, sizeof line, stdin)) {
        int ch;
        if (parse_channel(line, &ch) != 0)
            continue;
        add_reading(&t, ch, atol(line + 2));
    }
    for (int i = 0; i < CHANNELS; i++)
        printf("%d %ld\n", i, t.sum[i]);
    free(t.sum);
    return 0;
}

static int parse_channel(const char *text, int *out)
{
    char *end;
    long v = strtol(text, &end, 10);
    if (end == text || v >= CHANNELS)
        return -1;
    *out = (int)v;
    return 0;
}

static void add_reading(struct tally *t, int ch, long value)
{
    t->sum[ch] += value; // want CWE-119 CWE-129 CWE-787
    t->seen++;
}
