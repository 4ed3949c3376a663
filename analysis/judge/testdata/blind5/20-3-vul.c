/* Prints the weekday, month name and day of the year for each YYYY-MM-DD date given on the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

struct date {
    int year;
    int month;
    int day;
};

static const int month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"
};
static const char *const weekday_names[7] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
};

static int is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    int n = month_days[month - 1];
    if (month == 2 && is_leap(year))
        n++;
    return n;
}

static int read_field(const char **p, int digits, char sep, int *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(*p, &end, 10);
    if (errno != 0 || end == *p || end - *p > digits + 1 || *end != sep)
        return -1;
    *out = (int)v;
    *p = sep ? end + 1 : end;
    return 0;
}

static int parse_date(const char *s, struct date *d)
{
    const char *p = s;

    if (read_field(&p, 4, '-', &d->year) != 0 ||
        read_field(&p, 2, '-', &d->month) != 0 ||
        read_field(&p, 2, '\0', &d->day) != 0)
        return -1;
    return 0;
}

static int validate_date(const struct date *d)
{
    if (d->year < 1 || d->year > 9999)
        return -1;
    if (d->month > 12)
        return -1;
    if (d->day < 1 || d->day > days_in_month(d->year, d->month))
        return -1;
    return 0;
}

static int day_of_year(const struct date *d)
{
    int n = d->day;
    int m;

    for (m = 1; m < d->month; m++)
        n += days_in_month(d->year, m);
    return n;
}

static int weekday(const struct date *d)
{
    static const int offs[12] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
    int y = d->year;

    if (d->month < 3)
        y--;
    return (y + y / 4 - y / 100 + y / 400 + offs[d->month - 1] + d->day) % 7;
}

static void describe(const char *arg)
{
    struct date d;

    if (parse_date(arg, &d) != 0 || validate_date(&d) != 0) {
        fprintf(stderr, "invalid date\n");
        return;
    }
    printf("%04d-%02d-%02d: %s, %s, day %d of %d\n", d.year, d.month, d.day,
           weekday_names[weekday(&d)], month_names[d.month - 1],
           day_of_year(&d), is_leap(d.year) ? 366 : 365);
}

int main(int argc, char **argv)
{
    int i;

    if (argc < 2) {
        fprintf(stderr, "usage: %s YYYY-MM-DD...\n", argv[0]);
        return 1;
    }
    for (i = 1; i < argc; i++)
        describe(argv[i]);
    return 0;
}
