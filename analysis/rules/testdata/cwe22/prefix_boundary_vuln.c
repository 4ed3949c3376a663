// Prints a file named on the command line if it lies under the
// directory given by the first argument. The resolved path is compared
// with the directory's resolved name as a prefix only, so /srv/data-old
// passes for the directory /srv/data.
#define _DEFAULT_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    char root[PATH_MAX], path[PATH_MAX];
    if (argc < 3 || !realpath(argv[1], root) || !realpath(argv[2], path))
        return 1;
    size_t n = strlen(root);
    if (strncmp(path, root, n) != 0)
        return 1;
    FILE *fp = fopen(path, "r"); // want CWE-22
    if (fp == NULL)
        return 1;
    int c;
    while ((c = fgetc(fp)) != EOF)
        putchar(c);
    fclose(fp);
    return 0;
}
