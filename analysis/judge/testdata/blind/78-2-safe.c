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
    char *args[] = { "du", job->human ? "-sh" : "-s", "--", (char *)job->dir, NULL };
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        execvp("du", args);
        _exit(127);
    }
    if (waitpid(pid, &job->status, 0) < 0)
        return -1;
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
