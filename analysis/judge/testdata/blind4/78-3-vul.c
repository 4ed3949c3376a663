/* Reads "compress <file>" and "checksum <file>" jobs from standard input and runs gzip or sha256sum on each file. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE 1024

enum job_kind { JOB_COMPRESS, JOB_CHECKSUM };

struct job {
    enum job_kind kind;
    char file[MAX_LINE];
    int lineno;
};

static char *strip(char *s)
{
    char *end;
    while (*s == ' ' || *s == '\t')
        s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
        *--end = '\0';
    return s;
}

static int parse_job(char *line, int lineno, struct job *job)
{
    char *arg = strchr(line, ' ');
    size_t len;
    if (arg == NULL)
        return -1;
    *arg++ = '\0';
    arg = strip(arg);
    if (strcmp(line, "compress") == 0)
        job->kind = JOB_COMPRESS;
    else if (strcmp(line, "checksum") == 0)
        job->kind = JOB_CHECKSUM;
    else
        return -1;
    len = strlen(arg);
    if (len == 0 || len >= sizeof job->file)
        return -1;
    memcpy(job->file, arg, len + 1);
    job->lineno = lineno;
    return 0;
}

static int build_command(const struct job *job, char *cmd, size_t len)
{
    const char *tool = job->kind == JOB_COMPRESS ? "gzip -kf" : "sha256sum";
    int n = snprintf(cmd, len, "%s -- '%s'", tool, job->file);
    return (n < 0 || (size_t)n >= len) ? -1 : 0;
}

static int run_job(const struct job *job)
{
    char cmd[MAX_LINE + 64];
    int rc;
    if (build_command(job, cmd, sizeof cmd) < 0) {
        fprintf(stderr, "line %d: command too long\n", job->lineno);
        return -1;
    }
    fflush(stdout);
    rc = system(cmd);
    if (rc != 0) {
        fprintf(stderr, "line %d: job failed (status %d)\n", job->lineno, rc);
        return -1;
    }
    return 0;
}

int main(void)
{
    char line[MAX_LINE];
    int lineno = 0, ok = 0, failed = 0;

    while (fgets(line, sizeof line, stdin) != NULL) {
        struct job job;
        char *s = strip(line);
        lineno++;
        if (*s == '\0' || *s == '#')
            continue;
        if (parse_job(s, lineno, &job) < 0) {
            fprintf(stderr, "line %d: cannot parse job\n", lineno);
            failed++;
            continue;
        }
        if (run_job(&job) == 0)
            ok++;
        else
            failed++;
    }
    printf("%d job(s) done, %d failed\n", ok, failed);
    return failed ? 1 : 0;
}
