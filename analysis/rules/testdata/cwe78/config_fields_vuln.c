// Archives a directory as a backup config file (named on the command
// line) says. check_job validates the source and the destination but
// not the archive's label, and run_job puts all three in a tar command.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct job {
    char source[128];
    char dest[128];
    char label[128];
};

static int run_job(const struct job *j);

static int plain_word(const char *s)
{
    if (*s == '\0') {
        return 0;
    }
    for (; *s != '\0'; s++) {
        if (!isalnum((unsigned char)*s) && *s != '/' && *s != '_' && *s != '-' && *s != '.') {
            return 0;
        }
    }
    return 1;
}

static int load_job(const char *path, struct job *j)
{
    char key[32], value[128];
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        return -1;
    }
    memset(j, 0, sizeof *j);
    while (fscanf(fp, "%31s = %127s", key, value) == 2) {
        if (strcmp(key, "source") == 0) {
            snprintf(j->source, sizeof j->source, "%s", value);
        } else if (strcmp(key, "dest") == 0) {
            snprintf(j->dest, sizeof j->dest, "%s", value);
        } else if (strcmp(key, "label") == 0) {
            snprintf(j->label, sizeof j->label, "%s", value);
        }
    }
    fclose(fp);
    return 0;
}

static int check_job(const struct job *j)
{
    if (!plain_word(j->source)) {
        return -1;
    }
    if (!plain_word(j->dest)) {
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct job j;
    if (argc != 2 || load_job(argv[1], &j) != 0) {
        return 2;
    }
    if (check_job(&j) != 0) {
        fprintf(stderr, "bad job\n");
        return 2;
    }
    return run_job(&j) == 0 ? 0 : 1;
}

static int run_job(const struct job *j)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "tar -czf %s/%s.tar.gz -C %s .", j->dest, j->label, j->source);
    return system(cmd); // want CWE-78
}
