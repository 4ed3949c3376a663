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
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        if (dup2(fds[1], STDOUT_FILENO) < 0)
            _exit(127);
        close(fds[1]);
        execlp("wc", "wc", "-l", "--", name, (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    FILE *p = fdopen(fds[0], "r");
    int rc = -1;
    if (p) {
        char out[128];
        if (fgets(out, sizeof out, p) && parse_count(out, lines) == 0)
            rc = 0;
        while (fgets(out, sizeof out, p))
            ;
        fclose(p);
    } else {
        close(fds[0]);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
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
