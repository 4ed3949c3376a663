// Prints the label of a log level given as a number on each line of
// stdin; a parser of the file turns the line into the level through an
// out-parameter.
#include <stdio.h>
#include <stdlib.h>

static const char *labels[] = {"debug", "info", "warning", "error"};

static int parse_level(const char *text, int *level)
{
    char *end;
    long v = strtol(text, &end, 10);
    if (end == text)
        return -1;
    *level = (int)v;
    return 0;
}

static void show(int level)
{
    if (level < 0 || level >= (int)(sizeof labels / sizeof labels[0])) {
        puts("unknown level");
        return;
    }
    puts(labels[level]);
}

int main(void)
{
    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        int level;
        if (parse_level(line, &level) == 0)
            show(level);
    }
    return 0;
}
