// A password vault helper: asks for the master password and stores it in
// the file named on the command line, through a write loop of its own.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int put_bytes(int out, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t done = write(out, p, n);
        if (done <= 0)
            return -1;
        p += done;
        n -= (size_t)done;
    }
    return 0;
}

static int remember(const char *where, const char *password)
{
    int fd = open(where, O_WRONLY | O_CREAT | O_TRUNC, S_IRUSR | S_IWUSR | S_IRGRP); // want CWE-732:cwe732-secret-readable
    if (fd < 0)
        return -1;
    int rc = put_bytes(fd, password, strlen(password));
    close(fd);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    char *pw = getpass("master password: ");
    if (pw == NULL)
        return 1;
    return remember(argv[1], pw) == 0 ? 0 : 1;
}
