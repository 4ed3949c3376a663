/* Stores a deployment API token from the environment into a credentials file named on the command line. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_TOKEN 256

struct credentials {
    char user[64];
    char token[MAX_TOKEN];
    char endpoint[128];
};

static int copy_field(char *dst, size_t dstsz, const char *src, const char *what)
{
    size_t n = strlen(src);
    if (n >= dstsz) {
        fprintf(stderr, "%s too long\n", what);
        return -1;
    }
    memcpy(dst, src, n + 1);
    return 0;
}

static int load_from_env(struct credentials *c)
{
    const char *tok = getenv("DEPLOY_TOKEN");
    const char *user = getenv("DEPLOY_USER");
    const char *ep = getenv("DEPLOY_ENDPOINT");

    if (tok == NULL || *tok == '\0') {
        fprintf(stderr, "DEPLOY_TOKEN is not set\n");
        return -1;
    }
    if (user == NULL)
        user = "deploy";
    if (ep == NULL)
        ep = "https://deploy.example.net/api";

    if (copy_field(c->token, sizeof c->token, tok, "token") != 0 ||
        copy_field(c->user, sizeof c->user, user, "user") != 0 ||
        copy_field(c->endpoint, sizeof c->endpoint, ep, "endpoint") != 0)
        return -1;
    return 0;
}

static int open_credentials_file(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
    if (fd < 0) {
        fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    return fd;
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

static int save_credentials(const char *path, const struct credentials *c)
{
    char text[512];
    int n = snprintf(text, sizeof text, "[default]\nuser = %s\nendpoint = %s\ntoken = %s\n",
                     c->user, c->endpoint, c->token);
    if (n < 0 || (size_t)n >= sizeof text) {
        fprintf(stderr, "credentials do not fit\n");
        return -1;
    }

    int fd = open_credentials_file(path);
    if (fd < 0)
        return -1;
    if (write_all(fd, text, (size_t)n) != 0) {
        fprintf(stderr, "write failed: %s\n", strerror(errno));
        close(fd);
        return -1;
    }
    if (close(fd) != 0) {
        fprintf(stderr, "close failed: %s\n", strerror(errno));
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct credentials cred;

    if (argc != 2) {
        fprintf(stderr, "usage: %s CREDENTIALS-FILE\n", argv[0]);
        return 2;
    }
    memset(&cred, 0, sizeof cred);
    if (load_from_env(&cred) != 0)
        return 1;
    if (save_credentials(argv[1], &cred) != 0)
        return 1;
    printf("saved credentials for %s to %s\n", cred.user, argv[1]);
    return 0;
}
