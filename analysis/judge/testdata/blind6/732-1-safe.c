/* Issues a random API token for a user and appends it to the token store named by $TOKEN_STORE. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TOKEN_BYTES 24
#define DEFAULT_STORE "tokens.db"

struct token_request {
    const char *user;
    const char *store_path;
    char token[TOKEN_BYTES * 2 + 1];
};

static int valid_user(const char *u)
{
    size_t n = strlen(u);
    if (n == 0 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = u[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
            return 0;
    }
    return 1;
}

static int random_hex(char *out, size_t nbytes)
{
    static const char digits[] = "0123456789abcdef";
    unsigned char raw[TOKEN_BYTES];
    FILE *rf;

    if (nbytes > sizeof raw)
        return -1;
    rf = fopen("/dev/urandom", "rb");
    if (!rf)
        return -1;
    if (fread(raw, 1, nbytes, rf) != nbytes) {
        fclose(rf);
        return -1;
    }
    fclose(rf);
    for (size_t i = 0; i < nbytes; i++) {
        out[2 * i] = digits[raw[i] >> 4];
        out[2 * i + 1] = digits[raw[i] & 0x0f];
    }
    out[2 * nbytes] = '\0';
    return 0;
}

static int open_store(const char *path)
{
    return open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 0600);
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

static int store_token(const struct token_request *req)
{
    char line[160];
    int fd, n;

    n = snprintf(line, sizeof line, "%s:%s\n", req->user, req->token);
    if (n < 0 || (size_t)n >= sizeof line)
        return -1;
    fd = open_store(req->store_path);
    if (fd < 0) {
        perror(req->store_path);
        return -1;
    }
    if (fchmod(fd, 0600) != 0) {
        perror("fchmod");
        close(fd);
        return -1;
    }
    if (write_all(fd, line, (size_t)n) != 0) {
        perror("write");
        close(fd);
        return -1;
    }
    return close(fd);
}

int main(int argc, char **argv)
{
    struct token_request req;
    const char *env;

    if (argc != 2) {
        fprintf(stderr, "usage: %s USER\n", argv[0]);
        return 2;
    }
    if (!valid_user(argv[1])) {
        fprintf(stderr, "invalid user name\n");
        return 2;
    }
    req.user = argv[1];
    env = getenv("TOKEN_STORE");
    req.store_path = (env && *env) ? env : DEFAULT_STORE;

    if (random_hex(req.token, TOKEN_BYTES) != 0) {
        fprintf(stderr, "cannot read random data\n");
        return 1;
    }
    if (store_token(&req) != 0)
        return 1;
    printf("token for %s: %s\n", req.user, req.token);
    return 0;
}
