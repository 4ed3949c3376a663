// A small daemon that records its pid in a file; its setup sets the
// usual umask, and the file is opened through flags built at run time.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void setup(void)
{
    umask(022);
}

static int record_pid(const char *path, int keep)
{
    char text[32];
    int flags = O_WRONLY | O_CREAT | (keep ? O_APPEND : O_TRUNC);
    int fd = open(path, flags, 0666);
    if (fd < 0)
        return -1;
    snprintf(text, sizeof text, "%ld\n", (long)getpid());
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n < 0 ? -1 : 0;
}

int main(void)
{
    setup();
    return record_pid("daemon.pid", 0) == 0 ? 0 : 1;
}
