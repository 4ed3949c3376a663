// Saves the password typed at the prompt into a credentials file. The
// helper that creates the file returns the descriptor straight from
// open() with mode 0600, so only its owner can read the password.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int create_credentials(const char *path);
static int save_password(const char *path, const char *user, const char *password);

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s FILE USER\n", argv[0]);
        return 2;
    }
    char *password = getpass("password: ");
    if (password == NULL) {
        return 1;
    }
    return save_password(argv[1], argv[2], password) == 0 ? 0 : 1;
}

static int save_password(const char *path, const char *user, const char *password)
{
    char line[256];
    int n = snprintf(line, sizeof line, "%s:%s\n", user, password);
    if (n < 0 || (size_t)n >= sizeof line) {
        return -1;
    }
    int fd = create_credentials(path);
    if (fd < 0) {
        return -1;
    }
    if (write(fd, line, (size_t)n) != n) {
        close(fd);
        return -1;
    }
    return close(fd);
}

static int create_credentials(const char *path)
{
    return open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
}
