/* Reads a backup job profile (key = value lines, [job] sections) from the file named on the command line and prints the jobs it defines. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct job {
    char name[24];
    int retries;
    char host[64];
    char tag[16];
    struct job *next;
};

enum field_kind { FIELD_STRING, FIELD_INT };

struct field {
    const char *key;
    enum field_kind kind;
    size_t offset;
    size_t size;
};

static const struct field job_fields[] = {
    { "name", FIELD_STRING, offsetof(struct job, name), sizeof ((struct job *)0)->name },
    { "retries", FIELD_INT, offsetof(struct job, retries), sizeof ((struct job *)0)->retries },
    { "host", FIELD_STRING, offsetof(struct job, host), sizeof ((struct job *)0)->host },
    { "tag", FIELD_STRING, offsetof(struct job, tag), sizeof ((struct job *)0)->tag },
};

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static void set_string(char *dst, size_t size, const char *value)
{
    size_t len = strlen(value);
    if (len >= size)
        len = size - 1;
    memcpy(dst, value, len);
    dst[len] = '\0';
}

static int set_field(struct job *job, const char *key, const char *value)
{
    for (size_t i = 0; i < sizeof job_fields / sizeof job_fields[0]; i++) {
        const struct field *f = &job_fields[i];
        if (strcmp(f->key, key) != 0)
            continue;
        char *base = (char *)job + f->offset;
        if (f->kind == FIELD_STRING) {
            set_string(base, f->size, value);
        } else {
            char *end;
            long v = strtol(value, &end, 10);
            if (*end != '\0' || v < 0 || v > 100)
                return -1;
            *(int *)(void *)base = (int)v;
        }
        return 0;
    }
    return -1;
}

static struct job *new_job(struct job **head, struct job **tail)
{
    struct job *job = calloc(1, sizeof *job);
    if (!job)
        return NULL;
    job->retries = 3;
    if (*tail)
        (*tail)->next = job;
    else
        *head = job;
    *tail = job;
    return job;
}

static int load_profile(FILE *in, struct job **head)
{
    struct job *tail = NULL, *cur = NULL;
    char line[512];
    int lineno = 0;

    while (fgets(line, sizeof line, in)) {
        lineno++;
        char *s = trim(line);
        if (*s == '\0' || *s == '#')
            continue;
        if (strcmp(s, "[job]") == 0) {
            cur = new_job(head, &tail);
            if (!cur)
                return -1;
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq || !cur) {
            fprintf(stderr, "line %d: ignored\n", lineno);
            continue;
        }
        *eq = '\0';
        char *key = trim(s);
        char *value = trim(eq + 1);
        if (set_field(cur, key, value) != 0)
            fprintf(stderr, "line %d: bad setting '%s'\n", lineno, key);
    }
    return 0;
}

static void free_jobs(struct job *job)
{
    while (job) {
        struct job *next = job->next;
        free(job);
        job = next;
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PROFILE\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    struct job *jobs = NULL;
    int rc = load_profile(in, &jobs);
    fclose(in);
    if (rc != 0) {
        fprintf(stderr, "out of memory\n");
        free_jobs(jobs);
        return 1;
    }
    int count = 0;
    for (const struct job *j = jobs; j; j = j->next, count++)
        printf("job %-20s host=%-30s tag=%-12s retries=%d\n",
               j->name[0] ? j->name : "(unnamed)", j->host, j->tag, j->retries);
    printf("%d job(s)\n", count);
    free_jobs(jobs);
    return 0;
}
