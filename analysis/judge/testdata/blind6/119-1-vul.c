/* Parses user@host:port connection targets given on the command line and prints them as a table. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#define USER_MAX 32
#define HOST_MAX 64

struct target {
    char user[USER_MAX];
    char host[HOST_MAX];
    int port;
};

static int copy_field(char *dst, size_t dstlen, const char *src, size_t n)
{
    if (n > dstlen)
        return -1;
    memcpy(dst, src, n);
    dst[n] = '\0';
    return 0;
}

static int parse_port(const char *s, int *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < 1 || v > 65535)
        return -1;
    *out = (int)v;
    return 0;
}

static int split_target(const char *spec, char *user, size_t ulen,
                        char *host, size_t hlen, int *port)
{
    const char *at = strchr(spec, '@');
    const char *hstart = spec;
    const char *colon;

    if (at) {
        if (copy_field(user, ulen, spec, (size_t)(at - spec)) != 0)
            return -1;
        hstart = at + 1;
    } else {
        const char *login = getenv("USER");
        if (!login || copy_field(user, ulen, login, strlen(login)) != 0)
            return -1;
    }

    colon = strrchr(hstart, ':');
    if (colon) {
        if (copy_field(host, hlen, hstart, (size_t)(colon - hstart)) != 0)
            return -1;
        return parse_port(colon + 1, port);
    }
    *port = 22;
    return copy_field(host, hlen, hstart, strlen(hstart));
}

static int load_target(const char *spec, struct target *t)
{
    char user[USER_MAX];
    char host[HOST_MAX];
    int port = 0;

    if (split_target(spec, user, sizeof(user), host, sizeof(host), &port) != 0)
        return -1;
    if (host[0] == '\0')
        return -1;
    memcpy(t->user, user, sizeof(user));
    memcpy(t->host, host, sizeof(host));
    t->port = port;
    return 0;
}

int main(int argc, char **argv)
{
    struct target *targets;
    int count = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s [user@]host[:port]...\n", argv[0]);
        return 2;
    }
    targets = calloc((size_t)argc, sizeof(*targets));
    if (!targets) {
        perror("calloc");
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        if (load_target(argv[i], &targets[count]) != 0) {
            fprintf(stderr, "skipping malformed target: %s\n", argv[i]);
            continue;
        }
        count++;
    }
    printf("%-32s %-40s %5s\n", "USER", "HOST", "PORT");
    for (int i = 0; i < count; i++)
        printf("%-32s %-40s %5d\n", targets[i].user, targets[i].host, targets[i].port);
    free(targets);
    return count > 0 ? 0 : 1;
}
