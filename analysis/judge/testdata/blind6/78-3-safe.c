/* Verifies an md5sum-style manifest read from stdin ("<hash>  <file>" lines) and reports OK/FAILED per file. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/types.h>
#include <sys/wait.h>

#define LINE_MAX_LEN 1024
#define HASH_LEN 32

struct manifest_entry {
    char hash[HASH_LEN + 1];
    char file[LINE_MAX_LEN];
};

static int parse_line(const char *line, struct manifest_entry *e)
{
    size_t i;
    for (i = 0; i < HASH_LEN; i++) {
        if (!isxdigit((unsigned char)line[i]))
            return -1;
        e->hash[i] = (char)tolower((unsigned char)line[i]);
    }
    e->hash[HASH_LEN] = '\0';
    if (line[i] != ' ')
        return -1;
    i++;
    if (line[i] == ' ' || line[i] == '*')
        i++;
    size_t len = strcspn(line + i, "\r\n");
    if (len == 0 || len >= sizeof e->file)
        return -1;
    memcpy(e->file, line + i, len);
    e->file[len] = '\0';
    return 0;
}

static int compute_md5(const char *file, char out[HASH_LEN + 1])
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
        int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0) {
            dup2(devnull, STDERR_FILENO);
            close(devnull);
        }
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execlp("md5sum", "md5sum", "--", file, (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    FILE *p = fdopen(fds[0], "r");
    if (!p) {
        close(fds[0]);
        waitpid(pid, NULL, 0);
        return -1;
    }
    char buf[LINE_MAX_LEN + 64];
    int rc = -1;
    if (fgets(buf, sizeof buf, p) && strlen(buf) > HASH_LEN && buf[HASH_LEN] == ' ') {
        memcpy(out, buf, HASH_LEN);
        out[HASH_LEN] = '\0';
        rc = 0;
    }
    fclose(p);
    int status;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        rc = -1;
    return rc;
}

static int verify_entry(const struct manifest_entry *e)
{
    char actual[HASH_LEN + 1];
    if (compute_md5(e->file, actual) != 0) {
        printf("%s: FAILED open or read\n", e->file);
        return 1;
    }
    if (strcmp(actual, e->hash) != 0) {
        printf("%s: FAILED\n", e->file);
        return 1;
    }
    printf("%s: OK\n", e->file);
    return 0;
}

int main(void)
{
    char line[LINE_MAX_LEN + HASH_LEN + 8];
    struct manifest_entry e;
    int lineno = 0, bad = 0, checked = 0;

    while (fgets(line, sizeof line, stdin)) {
        lineno++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (parse_line(line, &e) != 0) {
            fprintf(stderr, "line %d: improperly formatted\n", lineno);
            bad++;
            continue;
        }
        bad += verify_entry(&e);
        checked++;
    }
    printf("%d checked, %d problems\n", checked, bad);
    return bad ? 1 : 0;
}
