/* Generates a random API signing key, writes it in hex to the file named on the command line and prints its fingerprint. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define KEY_BYTES 32

struct signing_key {
    unsigned char bytes[KEY_BYTES];
    char label[64];
};

static int read_random(unsigned char *out, size_t n)
{
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, out + got, n - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            close(fd);
            return -1;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    return got == n ? 0 : -1;
}

static void to_hex(const unsigned char *in, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 0x0f];
    }
    out[2 * n] = '\0';
}

static uint32_t fingerprint(const unsigned char *in, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= in[i];
        h *= 16777619u;
    }
    return h;
}

static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, buf, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += w;
        len -= (size_t)w;
    }
    return 0;
}

static int store_key(const char *path, const struct signing_key *key)
{
    char hex[2 * KEY_BYTES + 1];
    char line[sizeof hex + sizeof key->label + 8];

    to_hex(key->bytes, KEY_BYTES, hex);
    int n = snprintf(line, sizeof line, "%s %s\n", key->label, hex);
    if (n < 0 || (size_t)n >= sizeof line)
        return -1;

    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                  S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
    if (fd < 0)
        return -1;
    int rc = write_all(fd, line, (size_t)n);
    if (close(fd) != 0)
        rc = -1;
    if (rc != 0)
        unlink(path);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s KEYFILE [LABEL]\n", argv[0]);
        return 2;
    }

    struct signing_key key;
    memset(&key, 0, sizeof key);
    const char *label = argc == 3 ? argv[2] : "default";
    if (strlen(label) >= sizeof key.label || strpbrk(label, " \t\r\n")) {
        fprintf(stderr, "invalid label\n");
        return 2;
    }
    memcpy(key.label, label, strlen(label) + 1);

    if (read_random(key.bytes, KEY_BYTES) != 0) {
        fprintf(stderr, "cannot read random bytes\n");
        return 1;
    }
    if (store_key(argv[1], &key) != 0) {
        fprintf(stderr, "cannot write %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    printf("wrote key '%s' to %s, fingerprint %08x\n",
           key.label, argv[1], (unsigned)fingerprint(key.bytes, KEY_BYTES));
    return 0;
}
