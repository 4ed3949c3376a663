/* Generates a random API key for a user and stores it, with a comment read from stdin, in a key file. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define KEY_BYTES 32
#define MAX_USER 64
#define MAX_COMMENT 128

struct key_record {
    char user[MAX_USER];
    char comment[MAX_COMMENT];
    unsigned char key[KEY_BYTES];
};

static int read_random(unsigned char *buf, size_t len)
{
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t got = 0;
    while (got < len) {
        ssize_t r = read(fd, buf + got, len - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            close(fd);
            return -1;
        }
        got += (size_t)r;
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

static int valid_user(const char *user)
{
    size_t n = strlen(user);
    if (n == 0 || n >= MAX_USER)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = user[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

static void read_comment(char *out, size_t outsz)
{
    out[0] = '\0';
    if (!fgets(out, (int)outsz, stdin))
        return;
    out[strcspn(out, "\r\n")] = '\0';
}

static int write_key_file(const char *path, const struct key_record *rec)
{
    char hex[2 * KEY_BYTES + 1];
    hex_encode(rec->key, KEY_BYTES, hex);

    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        perror(path);
        return -1;
    }
    if (fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        perror(path);
        close(fd);
        return -1;
    }
    FILE *fp = fdopen(fd, "w");
    if (!fp) {
        perror(path);
        close(fd);
        return -1;
    }
    fprintf(fp, "# %s\n", rec->comment);
    fprintf(fp, "%s:%s\n", rec->user, hex);
    if (fclose(fp) != 0) {
        perror(path);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s USER KEYFILE < comment\n", argv[0]);
        return 2;
    }
    struct key_record rec;
    memset(&rec, 0, sizeof rec);

    if (!valid_user(argv[1])) {
        fprintf(stderr, "invalid user name\n");
        return 1;
    }
    snprintf(rec.user, sizeof rec.user, "%s", argv[1]);
    read_comment(rec.comment, sizeof rec.comment);

    if (read_random(rec.key, sizeof rec.key) != 0) {
        fprintf(stderr, "cannot read random data\n");
        return 1;
    }
    if (write_key_file(argv[2], &rec) != 0)
        return 1;
    printf("key for %s written to %s\n", rec.user, argv[2]);
    return 0;
}
