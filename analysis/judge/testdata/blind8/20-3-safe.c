/* Loads a weekly heating schedule from the file named by $SCHEDULE_FILE and prints the setpoints for one day. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DAYS 7
#define HOURS 24
#define UNSET (-1)

struct schedule {
    int tenths[DAYS][HOURS];
    int default_tenths;
    char zone[32];
};

static const char *const day_names[DAYS] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static int day_index(const char *name)
{
    int i;
    for (i = 0; i < DAYS; i++)
        if (strcasecmp(name, day_names[i]) == 0)
            return i;
    return -1;
}

static int parse_hour(const char *text, int *hour)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0')
        return -1;
    if (v < 0 || v >= HOURS)
        return -1;
    *hour = (int)v;
    return 0;
}

static int parse_temp(const char *text, int *tenths)
{
    char *end;
    double t;

    errno = 0;
    t = strtod(text, &end);
    if (errno != 0 || end == text || *end != '\0')
        return -1;
    if (!(t >= 5.0 && t <= 35.0))
        return -1;
    *tenths = (int)(t * 10.0 + 0.5);
    return 0;
}

static void schedule_init(struct schedule *s)
{
    int d, h;
    for (d = 0; d < DAYS; d++)
        for (h = 0; h < HOURS; h++)
            s->tenths[d][h] = UNSET;
    s->default_tenths = 180;
    snprintf(s->zone, sizeof s->zone, "%s", "main");
}

static void set_point(struct schedule *s, int day, int hour, int tenths)
{
    s->tenths[day][hour] = tenths;
}

static int load_schedule(const char *path, struct schedule *s)
{
    char line[128];
    unsigned lineno = 0;
    FILE *f = fopen(path, "r");

    if (!f) {
        perror(path);
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        char dname[8], htext[8], ttext[16];
        int day, hour, tenths;
        lineno++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (sscanf(line, "%7s %7s %15s", dname, htext, ttext) != 3 ||
            (day = day_index(dname)) < 0 ||
            parse_hour(htext, &hour) != 0 ||
            parse_temp(ttext, &tenths) != 0) {
            fprintf(stderr, "%s:%u: ignoring malformed entry\n", path, lineno);
            continue;
        }
        set_point(s, day, hour, tenths);
    }
    fclose(f);
    return 0;
}

static void print_day(const struct schedule *s, int day)
{
    int h, current = s->default_tenths;

    printf("zone %s, %s:\n", s->zone, day_names[day]);
    for (h = 0; h < HOURS; h++) {
        if (s->tenths[day][h] != UNSET)
            current = s->tenths[day][h];
        printf("  %02d:00  %d.%d C\n", h, current / 10, current % 10);
    }
}

int main(int argc, char **argv)
{
    static struct schedule sched;
    const char *path = getenv("SCHEDULE_FILE");
    int day;

    if (argc != 2 || (day = day_index(argv[1])) < 0) {
        fprintf(stderr, "usage: %s <mon|tue|...|sun>\n", argv[0]);
        return 2;
    }
    if (!path) {
        fprintf(stderr, "SCHEDULE_FILE is not set\n");
        return 2;
    }
    schedule_init(&sched);
    if (load_schedule(path, &sched) != 0)
        return 1;
    print_day(&sched, day);
    return 0;
}
