// Disk usage reporter: prints the size of each directory given on the command line, using du.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int path_ok(const char *p)
{
    if (*p == '\0' || *p == '-')
        return 0;
    for (; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '/' || c == '.' || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

static int report(const char *dir, unsigned long *total_lines)
{
    char cmd[1024], out[512];
    FILE *p;

    if (!path_ok(dir)) {
        fprintf(stderr, "refusing suspicious path: %s\n", dir);
        return -1;
    }
    if (snprintf(cmd, sizeof cmd, "du -sh \"%s\" 2>/dev/null", dir) >= (int)sizeof cmd)
        return -1;
    p = popen(cmd, "r");
    if (!p)
        return -1;
    while (fgets(out, sizeof out, p)) {
        fputs(out, stdout);
        (*total_lines)++;
    }
    return pclose(p) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    unsigned long lines = 0;
    int failed = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++)
        if (report(argv[i], &lines) != 0)
            failed++;
    printf("%lu entries, %d failed\n", lines, failed);
    return failed ? 1 : 0;
}
