// Creates the shared drop file through a small wrapper that takes the
// mode from its caller.
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int create_file(const char *path, mode_t mode)
{
    return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int main(void)
{
    int fd = create_file("drop.txt", 0666); // want CWE-732:cwe732-world-writable-file
    if (fd < 0)
        return 1;
    write(fd, "ready\n", 6);
    return close(fd) == 0 ? 0 : 1;
}
