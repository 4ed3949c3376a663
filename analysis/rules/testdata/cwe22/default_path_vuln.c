// Prints the settings file of /etc/tool named on the command line, or
// the default one.
#include <stdio.h>

int main(int argc, char **argv)
{
    char line[256], path[512];
    snprintf(path, sizeof path, "/etc/tool/%s", argc > 1 ? argv[1] : "tool.conf");
    FILE *fp = fopen(path, "r"); // want CWE-22
    if (fp == NULL)
        return 1;
    while (fgets(line, sizeof line, fp))
        fputs(line, stdout);
    fclose(fp);
    return 0;
}
