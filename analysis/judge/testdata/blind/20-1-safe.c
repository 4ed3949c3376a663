/* Thermostat schedule editor: reads "hour temp" lines from stdin and prints the day plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOURS 24

struct plan {
    const char *name;
    int changes;
};

static int schedule[HOURS];
static struct plan current = { "default", 0 };

static int parse_entry(const char *line, int *hour, int *temp)
{
    char *end;
    long h = strtol(line, &end, 10);
    if (end == line)
        return -1;
    long t = strtol(end, &end, 10);
    *hour = (int)h;
    *temp = (int)t;
    return 0;
}

static int set_slot(struct plan *p, int hour, int temp)
{
    if (hour < 0 || hour >= HOURS || temp < 5 || temp > 30)
        return -1;
    schedule[hour] = temp;
    p->changes++;
    return 0;
}

static void print_plan(const struct plan *p)
{
    printf("plan %s (%d changes)\n", p->name, p->changes);
    for (int h = 0; h < HOURS; h++)
        printf("%02d:00 %d\n", h, schedule[h]);
}

int main(void)
{
    char line[128];
    for (int h = 0; h < HOURS; h++)
        schedule[h] = 19;
    while (fgets(line, sizeof line, stdin)) {
        int hour, temp;
        if (line[0] == '#' || parse_entry(line, &hour, &temp) != 0)
            continue;
        if (set_slot(&current, hour, temp) != 0)
            fprintf(stderr, "ignored: %s", line);
    }
    print_plan(&current);
    return 0;
}
