/* Reads syslog-style "<PRI>message" lines from stdin and prints them with facility and severity names. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NFACILITIES 24
#define NSEVERITIES 8

static const char *const facility_names[NFACILITIES] = {
    "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
    "uucp", "cron", "authpriv", "ftp", "ntp", "audit", "alert", "clock",
    "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
};

static const char *const severity_names[NSEVERITIES] = {
    "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
};

struct log_record {
    int facility;
    int severity;
    const char *message;
};

static int parse_priority(const char *line, long *pri, const char **rest)
{
    char *end;

    if (line[0] != '<')
        return -1;
    errno = 0;
    *pri = strtol(line + 1, &end, 10);
    if (errno != 0 || end == line + 1 || *end != '>')
        return -1;
    *rest = end + 1;
    return 0;
}

static int parse_record(char *line, struct log_record *rec)
{
    long pri;
    const char *rest;

    if (parse_priority(line, &pri, &rest) != 0)
        return -1;
    if (pri > NFACILITIES * NSEVERITIES - 1)
        return -1;
    rec->facility = (int)(pri / NSEVERITIES);
    rec->severity = (int)(pri % NSEVERITIES);
    while (*rest == ' ')
        rest++;
    rec->message = rest;
    return 0;
}

static void print_record(const struct log_record *rec, unsigned long lineno)
{
    printf("%5lu %-8s %-7s %s\n", lineno, facility_names[rec->facility],
           severity_names[rec->severity], rec->message);
}

static void strip_newline(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

int main(void)
{
    char line[1024];
    unsigned long lineno = 0, bad = 0;

    while (fgets(line, sizeof(line), stdin)) {
        struct log_record rec;

        lineno++;
        strip_newline(line);
        for (char *c = line; *c; c++)
            if (iscntrl((unsigned char)*c))
                *c = '?';
        if (parse_record(line, &rec) != 0) {
            bad++;
            continue;
        }
        print_record(&rec, lineno);
    }
    if (bad)
        fprintf(stderr, "%lu line(s) without a valid priority\n", bad);
    return 0;
}
