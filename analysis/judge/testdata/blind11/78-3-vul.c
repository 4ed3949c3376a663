/* Reads file names from standard input, one per line, and prints a line-count report using wc. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct report {
    unsigned long files;
    unsigned long failed;
    unsigned long long total_lines;
};

static int parse_count(const char *text, unsigned long long *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno != 0 || end == text)
        return -1;
    *out = v;
    return 0;
}

static int count_lines(const char *name, unsigned long long *lines)
{
    char cmd[4200];
    int n = snprintf(cmd, sizeof cmd, "wc -l < \"%s\"", name);
    if (n < 0 || (size_t)n >= sizeof cmd)
        return -1;
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    char out[128];
    int rc = -1;
    if (fgets(out, sizeof out, p) && parse_count(out, lines) == 0)
        rc = 0;
    int status = pclose(p);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        rc = -1;
    return rc;
}

static void add_file(struct report *r, const char *name)
{
    unsigned long long lines = 0;
    if (count_lines(name, &lines) != 0) {
        fprintf(stderr, "skipping %s\n", name);
        r->failed++;
        return;
    }
    printf("%10llu  %s\n", lines, name);
    r->files++;
    r->total_lines += lines;
}

int main(void)
{
    struct report r = {0, 0, 0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;

    while ((len = getline(&line, &cap, stdin)) != -1) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        add_file(&r, line);
        fflush(stdout);
    }
    free(line);
    printf("%10llu  total (%lu files, %lu skipped)\n", r.total_lines, r.files, r.failed);
    return r.failed ? 1 : 0;
}
