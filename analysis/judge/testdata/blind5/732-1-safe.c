/* Generates a random API token for an account and stores it in a token file. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TOKEN_BYTES 24
#define TOKEN_FILE_MODE (S_IRUSR | S_IWUSR)

static int read_random(unsigned char *buf, size_t len)
{
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0)
        return -1;
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(fd, buf + got, len - got);
        if (n <= 0) {
            close(fd);
            return -1;
        }
        got += (size_t)n;
    }
    close(fd);
    return 0;
}

static void hex_encode(const unsigned char *in, size_t len, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 0x0f];
    }
    out[2 * len] = '\0';
}

static int valid_account(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static int store_token(const char *path, const char *account, const char *token)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, TOKEN_FILE_MODE);
    if (fd < 0) {
        perror(path);
        return -1;
    }
    if (fchmod(fd, TOKEN_FILE_MODE) != 0) {
        perror("fchmod");
        close(fd);
        return -1;
    }
    char line[160];
    int n = snprintf(line, sizeof(line), "%s:%s\n", account, token);
    if (n < 0 || (size_t)n >= sizeof(line) || write_all(fd, line, (size_t)n) != 0) {
        fprintf(stderr, "failed to write %s\n", path);
        close(fd);
        return -1;
    }
    return close(fd);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s TOKEN_FILE ACCOUNT\n", argv[0]);
        return 2;
    }
    if (!valid_account(argv[2])) {
        fprintf(stderr, "invalid account name\n");
        return 2;
    }
    unsigned char raw[TOKEN_BYTES];
    char token[2 * TOKEN_BYTES + 1];
    if (read_random(raw, sizeof(raw)) != 0) {
        fprintf(stderr, "cannot read random bytes\n");
        return 1;
    }
    hex_encode(raw, sizeof(raw), token);
    if (store_token(argv[1], argv[2], token) != 0)
        return 1;
    printf("token for %s written to %s\n", argv[2], argv[1]);
    return 0;
}
