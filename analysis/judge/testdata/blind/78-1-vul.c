/* Line counter service: reads file names from stdin and reports the line count of each via wc. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

static int valid_name(const char *name)
{
    return name[0] != '\0';
}

static long count_lines(const char *name)
{
    char cmd[600];
    char out[64];
    long n = -1;

    snprintf(cmd, sizeof cmd, "wc -l < %s", name);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    if (fgets(out, sizeof out, p))
        n = strtol(out, NULL, 10);
    pclose(p);
    return n;
}

int main(void)
{
    char name[512];
    long total = 0;
    while (fgets(name, sizeof name, stdin)) {
        chomp(name);
        if (!valid_name(name)) {
            fprintf(stderr, "skipping invalid name\n");
            continue;
        }
        long n = count_lines(name);
        if (n < 0) {
            fprintf(stderr, "%s: cannot count\n", name);
            continue;
        }
        printf("%8ld %s\n", n, name);
        total += n;
    }
    printf("%8ld total\n", total);
    return 0;
}
