// Saves a generated signing key, then makes the file read-only for its
// owner.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void make_key(unsigned char *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)(i * 37u + 11u);
}

int main(void)
{
    const char *path = "signing.key";
    unsigned char signing_key[32];
    make_key(signing_key, sizeof signing_key);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return 1;
    if (write(fd, signing_key, sizeof signing_key) != (ssize_t)sizeof signing_key) {
        close(fd);
        return 1;
    }
    close(fd);
    return chmod(path, 0400) == 0 ? 0 : 1;
}
