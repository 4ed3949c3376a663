/* Metrics collector daemon: detaches, writes its pid file and periodically records the load average. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct collector {
    const char *run_dir;
    int samples;
    int foreground;
};

static void detach(const struct collector *c)
{
    if (!c->foreground) {
        pid_t pid = fork();
        if (pid < 0)
            exit(1);
        if (pid > 0)
            exit(0);
        setsid();
    }
    umask(022);
}

static int write_file(const char *dir, const char *name, const char *text, int append)
{
    char path[4096];
    int flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);

    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, flags, 0666);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

static void sample_load(const struct collector *c)
{
    char load[128] = "unknown\n";
    FILE *f = fopen("/proc/loadavg", "r");

    if (f) {
        if (!fgets(load, sizeof load, f))
            strcpy(load, "unknown\n");
        fclose(f);
    }
    write_file(c->run_dir, "collector.state", load, 1);
}

int main(int argc, char **argv)
{
    struct collector c = { "/run/collector", 3, 0 };
    char pid[32];

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-f") == 0)
            c.foreground = 1;
        else
            c.run_dir = argv[i];
    }
    detach(&c);
    snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (write_file(c.run_dir, "collector.pid", pid, 0) < 0) {
        perror("pid file");
        return 1;
    }
    for (int i = 0; i < c.samples; i++) {
        sample_load(&c);
        if (i + 1 < c.samples)
            sleep(1);
    }
    return 0;
}
