// A level parsed from the command line indexes a table inside a helper
// that checks both bounds.
#include <stdio.h>
#include <stdlib.h>

static const char *levels[4] = {"debug", "info", "warn", "error"};

static const char *level_name(int level) {
    if (level < 0 || level >= 4)
        return "?";
    return levels[level];
}

int main(int argc, char **argv) {
    if (argc < 2)
        return 2;
    puts(level_name(atoi(argv[1])));
    return 0;
}
