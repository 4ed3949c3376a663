/* Header dumper: reads HTTP request headers from stdin and prints them as normalized name/value pairs. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct header {
    char *name;
    char *value;
};

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

static int split_header(char *line, struct header *h)
{
    char *colon = strchr(line, ':');
    if (!colon)
        return -1;
    *colon = '\0';
    h->name = trim(line);
    h->value = trim(colon + 1);
    for (char *p = h->name; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return 0;
}

int main(void)
{
    char line[1024];
    int n = 0;
    if (!fgets(line, sizeof line, stdin))
        return 1;
    printf("request: %s", line);
    while (fgets(line, sizeof line, stdin)) {
        struct header h;
        if (line[0] == '\r' || line[0] == '\n')
            break;
        if (split_header(line, &h) != 0) {
            fprintf(stderr, "malformed header line\n");
            continue;
        }
        printf("%-20s %s\n", h.name, h.value);
        n++;
    }
    printf("%d header(s)\n", n);
    return 0;
}
