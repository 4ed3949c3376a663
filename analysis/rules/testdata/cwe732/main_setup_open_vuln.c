// A job runner that appends one status line per run to a log it opens in
// main. Its init function, called first, clears the umask, so the 0666
// mode main asks for is what the log gets: any user may rewrite it.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void init_runner(void)
{
    umask(0);
    if (chdir("/") != 0) {
        perror("chdir");
    }
}

int main(int argc, char **argv)
{
    char line[64];
    init_runner();
    int fd = open("/var/tmp/runner.log", O_WRONLY | O_CREAT | O_APPEND, 0666); // want CWE-732
    if (fd < 0) {
        return 1;
    }
    int n = snprintf(line, sizeof line, "run %d\n", argc);
    if (n > 0 && write(fd, line, (size_t)n) < 0) {
        close(fd);
        return 1;
    }
    (void)argv;
    return close(fd) == 0 ? 0 : 1;
}
