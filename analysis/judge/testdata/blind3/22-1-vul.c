// Document viewer: prints files from the DOCROOT directory (default ./docs) named on the command line.
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int name_ok(const char *name)
{
    if (name[0] == '\0' || name[0] == '/')
        return 0;
    if (strncmp(name, "../", 3) == 0 || strcmp(name, "..") == 0)
        return 0;
    return 1;
}

static FILE *open_doc(const char *root, const char *name)
{
    char path[PATH_MAX];

    if (!name_ok(name))
        return NULL;
    if (snprintf(path, sizeof path, "%s/%s", root, name) >= (int)sizeof path)
        return NULL;
    return fopen(path, "r");
}

static int show(FILE *f)
{
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        if (fwrite(buf, 1, n, stdout) != n)
            return -1;
    return ferror(f) ? -1 : 0;
}

int main(int argc, char **argv)
{
    const char *root = getenv("DOCROOT");
    int status = 0;

    if (!root || !*root)
        root = "./docs";
    if (argc < 2) {
        fprintf(stderr, "usage: %s NAME...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        FILE *f = open_doc(root, argv[i]);
        if (!f) {
            fprintf(stderr, "%s: not available\n", argv[i]);
            status = 1;
            continue;
        }
        if (show(f) != 0)
            status = 1;
        fclose(f);
    }
    return status;
}
