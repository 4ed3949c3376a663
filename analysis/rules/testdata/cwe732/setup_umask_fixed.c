// A drop-box that stores each line of stdin as a file in an inbox. The
// setup function sets umask(077) before anything is created, so the files
// fopen creates are the owner's alone (0600).
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static int setup_inbox(const char *dir);
static int store_line(const char *dir, unsigned n, const char *line);

int main(void)
{
    char line[256];
    unsigned n = 0;
    if (setup_inbox("inbox") != 0) {
        return 1;
    }
    while (fgets(line, sizeof line, stdin)) {
        if (store_line("inbox", n++, line) != 0) {
            return 1;
        }
    }
    return 0;
}

static int setup_inbox(const char *dir)
{
    umask(077);
    return mkdir(dir, 0755) == 0 ? 0 : -1;
}

static int store_line(const char *dir, unsigned n, const char *line)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%u.msg", dir, n);
    FILE *fp = fopen(path, "w");
    if (fp == NULL) {
        return -1;
    }
    fputs(line, fp);
    return fclose(fp);
}
