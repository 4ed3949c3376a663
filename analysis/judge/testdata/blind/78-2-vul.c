/* Disk usage reporter: prints the size of each directory named on the command line using du. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct du_job {
    const char *dir;
    int human;
    int status;
};

static int run_du(struct du_job *job)
{
    char cmd[1024];
    int n = snprintf(cmd, sizeof cmd, "du -s%s \"%s\"", job->human ? "h" : "", job->dir);
    if (n < 0 || n >= (int)sizeof cmd)
        return -1;
    job->status = system(cmd);
    return WIFEXITED(job->status) ? WEXITSTATUS(job->status) : -1;
}

int main(int argc, char **argv)
{
    int human = 0, failures = 0;
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        human = 1;
        first = 2;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: %s [-h] dir...\n", argv[0]);
        return 2;
    }
    for (int i = first; i < argc; i++) {
        struct du_job job = { argv[i], human, 0 };
        if (run_du(&job) != 0) {
            fprintf(stderr, "du failed for %s\n", argv[i]);
            failures++;
        }
    }
    return failures ? 1 : 0;
}
