// A job runner reads queued jobs from a spool file; each job names the
// function that runs it, and only the program's own job function is called.
#include <stdio.h>

struct job {
    int (*fn)(int);
    int arg;
};

int default_job(int arg) { return arg + 1; }

int run_spool(FILE *spool) {
    struct job j;
    int done = 0;
    while (fread(&j, sizeof j, 1, spool) == 1) {
        if (j.fn == default_job) {
            done += j.fn(j.arg);
        }
    }
    return done;
}

int main(void) {
    FILE *spool = fopen("/var/spool/jobs/queue", "rb");
    if (spool == NULL) {
        return 1;
    }
    int done = run_spool(spool);
    fclose(spool);
    return done > 0 ? 0 : 1;
}
