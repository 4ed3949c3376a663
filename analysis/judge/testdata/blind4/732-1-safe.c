/* Stores an API token taken from the environment into a named profile credentials file and prints its fingerprint. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct store_opts {
    mode_t mode;
    int keep_backup;
};

static const struct store_opts default_opts = { 0600, 0 };

static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

static uint64_t fingerprint(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static int valid_profile(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 32)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

static int store_credentials(const char *path, const char *profile, const char *token,
                             const struct store_opts *opts)
{
    char tmp[4096];
    char line[1024];
    int len = snprintf(tmp, sizeof tmp, "%s.tmp", path);
    if (len < 0 || (size_t)len >= sizeof tmp)
        return -1;
    len = snprintf(line, sizeof line, "[%s]\ntoken = %s\n", profile, token);
    if (len < 0 || (size_t)len >= sizeof line)
        return -1;

    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, opts->mode);
    if (fd < 0)
        return -1;
    if (write_all(fd, line, (size_t)len) != 0 || fsync(fd) != 0) {
        close(fd);
        unlink(tmp);
        return -1;
    }
    if (close(fd) != 0) {
        unlink(tmp);
        return -1;
    }
    if (opts->keep_backup) {
        char bak[4096];
        len = snprintf(bak, sizeof bak, "%s.bak", path);
        if (len > 0 && (size_t)len < sizeof bak)
            (void)rename(path, bak);
    }
    if (rename(tmp, path) != 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s FILE PROFILE  (token in $API_TOKEN)\n", argv[0]);
        return 2;
    }
    const char *token = getenv("API_TOKEN");
    if (token == NULL || *token == '\0' || strlen(token) > 512 || strpbrk(token, "\r\n")) {
        fprintf(stderr, "API_TOKEN missing or malformed\n");
        return 1;
    }
    if (!valid_profile(argv[2])) {
        fprintf(stderr, "bad profile name\n");
        return 1;
    }
    if (store_credentials(argv[1], argv[2], token, &default_opts) != 0) {
        perror("store credentials");
        return 1;
    }
    printf("stored token for %s, fingerprint %016llx\n", argv[2],
           (unsigned long long)fingerprint(token));
    return 0;
}
