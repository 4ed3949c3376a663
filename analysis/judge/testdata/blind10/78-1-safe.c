/* Reads a backup job description file and runs tar to archive the configured directory. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

struct job {
    char source[512];
    char dest[512];
    char exclude[256];
    int compress;
};

struct strbuf {
    char *data;
    size_t len, cap;
};

static int sb_append(struct strbuf *sb, const char *s, size_t n)
{
    if (sb->len + n + 1 > sb->cap) {
        size_t ncap = sb->cap ? sb->cap : 64;
        while (ncap < sb->len + n + 1)
            ncap *= 2;
        char *p = realloc(sb->data, ncap);
        if (!p)
            return -1;
        sb->data = p;
        sb->cap = ncap;
    }
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
    return 0;
}

static int sb_puts(struct strbuf *sb, const char *s)
{
    return sb_append(sb, s, strlen(s));
}

static int sb_put_quoted(struct strbuf *sb, const char *arg)
{
    if (sb_puts(sb, "'") != 0)
        return -1;
    for (const char *p = arg; *p; p++) {
        int rc = (*p == '\'') ? sb_puts(sb, "'\\''") : sb_append(sb, p, 1);
        if (rc != 0)
            return -1;
    }
    return sb_puts(sb, "'");
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static int set_field(char *dst, size_t dstlen, const char *val)
{
    size_t n = strlen(val);
    if (n >= dstlen)
        return -1;
    memcpy(dst, val, n + 1);
    return 0;
}

static int load_job(const char *path, struct job *job)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    memset(job, 0, sizeof(*job));
    job->compress = 1;

    char line[1024];
    int rc = 0;
    while (rc == 0 && fgets(line, sizeof(line), f)) {
        char *p = trim(line);
        if (*p == '\0' || *p == '#')
            continue;
        char *eq = strchr(p, '=');
        if (!eq) {
            rc = -1;
            break;
        }
        *eq = '\0';
        char *key = trim(p), *val = trim(eq + 1);
        if (strcmp(key, "source") == 0)
            rc = set_field(job->source, sizeof(job->source), val);
        else if (strcmp(key, "dest") == 0)
            rc = set_field(job->dest, sizeof(job->dest), val);
        else if (strcmp(key, "exclude") == 0)
            rc = set_field(job->exclude, sizeof(job->exclude), val);
        else if (strcmp(key, "compress") == 0)
            job->compress = (strcmp(val, "no") != 0);
    }
    fclose(f);
    if (rc == 0 && (job->source[0] == '\0' || job->dest[0] == '\0'))
        rc = -1;
    return rc;
}

static char *build_command(const struct job *job)
{
    struct strbuf sb = {0};
    int rc = sb_puts(&sb, job->compress ? "tar -czf " : "tar -cf ");
    if (rc == 0) rc = sb_put_quoted(&sb, job->dest);
    if (rc == 0 && job->exclude[0]) {
        rc = sb_puts(&sb, " --exclude=");
        if (rc == 0) rc = sb_put_quoted(&sb, job->exclude);
    }
    if (rc == 0) rc = sb_puts(&sb, " -C ");
    if (rc == 0) rc = sb_put_quoted(&sb, job->source);
    if (rc == 0) rc = sb_puts(&sb, " .");
    if (rc != 0) {
        free(sb.data);
        return NULL;
    }
    return sb.data;
}

int main(int argc, char **argv)
{
    struct job job;

    if (argc != 2) {
        fprintf(stderr, "usage: %s JOBFILE\n", argv[0]);
        return 2;
    }
    if (load_job(argv[1], &job) != 0) {
        fprintf(stderr, "%s: invalid job file\n", argv[1]);
        return 1;
    }
    char *cmd = build_command(&job);
    if (!cmd) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    printf("running: %s\n", cmd);
    fflush(stdout);
    int status = system(cmd);
    free(cmd);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "backup failed\n");
        return 1;
    }
    printf("backup written to %s\n", job.dest);
    return 0;
}
