// Joins a directory and a file name given on the command line into one
// path; the name is checked against the whole buffer, not what is left
// after the directory.
#include <stdio.h>
#include <string.h>

#define PATH_CAP 64

static int join_path(char *out, size_t cap, const char *dir, const char *name)
{
    size_t dlen = strlen(dir);
    size_t nlen = strlen(name);

    if (dlen + 1 >= cap)
        return -1;
    memcpy(out, dir, dlen);
    out[dlen] = '/';
    if (nlen >= cap)
        return -1;
    memcpy(out + dlen + 1, name, nlen + 1); // want CWE-119 CWE-787
    return 0;
}

static void show_entry(const char *dir, const char *name)
{
    char path[PATH_CAP];

    if (strlen(dir) >= sizeof path || strlen(name) >= sizeof path)
        return;
    strcpy(path, dir);
    memcpy(path + strlen(dir), name, strlen(name) + 1); // want CWE-119 CWE-787
    puts(path);
}

int main(int argc, char **argv)
{
    char path[PATH_CAP];

    if (argc != 3)
        return 2;
    if (join_path(path, sizeof path, argv[1], argv[2]) != 0)
        return 1;
    puts(path);
    show_entry(argv[1], argv[2]);
    return 0;
}
