// Prints the settings file named on the command line, or the default
// one in the current directory.
#include <stdio.h>

int main(int argc, char **argv)
{
    char line[256];
    FILE *fp = fopen(argc > 1 ? argv[1] : "tool.conf", "r");
    if (fp == NULL)
        return 1;
    while (fgets(line, sizeof line, fp))
        fputs(line, stdout);
    fclose(fp);
    return 0;
}
