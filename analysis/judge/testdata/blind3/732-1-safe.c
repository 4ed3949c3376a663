// Metrics writer: samples the load average and writes it to a per-run metrics file in a spool directory.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct sample {
    double load1, load5, load15;
    time_t when;
};

static void init_process(void)
{
    /* start from a known mask so created files get predictable modes */
    umask(022);
    if (chdir("/") != 0)
        perror("chdir");
}

static int take_sample(struct sample *s)
{
    FILE *f = fopen("/proc/loadavg", "r");
    int ok;
    if (!f)
        return -1;
    ok = fscanf(f, "%lf %lf %lf", &s->load1, &s->load5, &s->load15) == 3;
    fclose(f);
    s->when = time(NULL);
    return ok ? 0 : -1;
}

static int write_metrics(const char *dir, const struct sample *s, char *path, size_t cap)
{
    int fd;
    FILE *out;

    snprintf(path, cap, "%s/metrics-%ld.txt", dir, (long)getpid());
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0)
        return -1;
    out = fdopen(fd, "w");
    if (!out) {
        close(fd);
        return -1;
    }
    fprintf(out, "time %ld\nload1 %.2f\nload5 %.2f\nload15 %.2f\n",
            (long)s->when, s->load1, s->load5, s->load15);
    return fclose(out);
}

int main(int argc, char **argv)
{
    struct sample s;
    char path[512];
    const char *dir = argc > 1 ? argv[1] : "/var/spool/metrics";

    if (dir[0] != '/') {
        fprintf(stderr, "spool directory must be absolute\n");
        return 2;
    }
    init_process();
    if (take_sample(&s) != 0 || write_metrics(dir, &s, path, sizeof path) != 0) {
        perror("metrics");
        return 1;
    }
    printf("%s\n", path);
    return 0;
}
