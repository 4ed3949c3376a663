/* Reads syslog lines on stdin and prints each message with its facility and severity names. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
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

struct syslog_msg {
    int facility;
    int severity;
    const char *text;
};

static int parse_pri(const char *line, struct syslog_msg *msg)
{
    char *end;
    long pri;

    if (line[0] != '<')
        return -1;
    pri = strtol(line + 1, &end, 10);
    if (end == line + 1 || *end != '>' || end - line > 4)
        return -1;
    if (pri > 191)
        return -1;
    msg->facility = (int)(pri >> 3);
    msg->severity = (int)(pri & 7);
    msg->text = end + 1;
    while (*msg->text == ' ')
        msg->text++;
    return 0;
}

static const char *facility_name(const struct syslog_msg *msg)
{
    return facility_names[msg->facility];
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

int main(void)
{
    char line[1024];
    unsigned per_severity[NSEVERITIES] = { 0 };
    unsigned bad = 0;

    while (fgets(line, sizeof line, stdin)) {
        struct syslog_msg msg;
        chomp(line);
        if (parse_pri(line, &msg) < 0) {
            bad++;
            printf("%-16s %s\n", "?", line);
            continue;
        }
        per_severity[msg.severity]++;
        printf("%-8s %-7s %s\n", facility_name(&msg), severity_names[msg.severity], msg.text);
    }
    for (int i = 0; i < NSEVERITIES; i++)
        if (per_severity[i])
            printf("# %s: %u\n", severity_names[i], per_severity[i]);
    if (bad)
        printf("# unparsed: %u\n", bad);
    return 0;
}
