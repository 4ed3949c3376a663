/* Generates a random API token and stores it in the token file named on the command line. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_TOKEN_BYTES 64
#define TOKEN_FILE_MODE (S_IRUSR | S_IWUSR)

struct token {
    unsigned char raw[MAX_TOKEN_BYTES];
    size_t len;
    char hex[MAX_TOKEN_BYTES * 2 + 1];
};

static int read_random(unsigned char *buf, size_t len)
{
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0)
        return -1;
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(fd, buf + got, len - got);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            close(fd);
            return -1;
        }
        got += (size_t)n;
    }
    close(fd);
    return 0;
}

static void to_hex(struct token *t)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < t->len; i++) {
        t->hex[2 * i] = digits[t->raw[i] >> 4];
        t->hex[2 * i + 1] = digits[t->raw[i] & 0x0f];
    }
    t->hex[2 * t->len] = '\0';
}

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

static int store_token(const char *path, const struct token *t)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, TOKEN_FILE_MODE);
    if (fd < 0) {
        fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (fchmod(fd, TOKEN_FILE_MODE) != 0) {
        fprintf(stderr, "cannot set mode on %s: %s\n", path, strerror(errno));
        close(fd);
        return -1;
    }
    char line[sizeof t->hex + 16];
    int n = snprintf(line, sizeof line, "TOKEN=%s\n", t->hex);
    if (n < 0 || (size_t)n >= sizeof line || write_all(fd, line, (size_t)n) != 0) {
        fprintf(stderr, "write to %s failed\n", path);
        close(fd);
        return -1;
    }
    if (close(fd) != 0)
        return -1;
    return 0;
}

static int parse_length(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < 8 || v > MAX_TOKEN_BYTES)
        return -1;
    *out = (size_t)v;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s TOKEN_FILE [BYTES]\n", argv[0]);
        return 2;
    }
    struct token t;
    t.len = 32;
    if (argc == 3 && parse_length(argv[2], &t.len) != 0) {
        fprintf(stderr, "token length must be between 8 and %d\n", MAX_TOKEN_BYTES);
        return 2;
    }
    if (read_random(t.raw, t.len) != 0) {
        fprintf(stderr, "cannot read random data\n");
        return 1;
    }
    to_hex(&t);
    if (store_token(argv[1], &t) != 0)
        return 1;
    printf("stored %zu-byte token in %s\n", t.len, argv[1]);
    return 0;
}
