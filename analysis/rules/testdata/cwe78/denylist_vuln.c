// Shows the disk usage of a directory named on the command line, after
// rejecting names with shell separators.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int plain_name(const char *name)
{
    return name[0] != '-' && strpbrk(name, ";|&<>\n") == NULL;
}

int main(int argc, char **argv)
{
    char cmd[512];
    if (argc != 2 || !plain_name(argv[1]))
        return 2;
    snprintf(cmd, sizeof cmd, "du -sh %s", argv[1]);
    return system(cmd); // want CWE-78
}
