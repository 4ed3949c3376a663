/* Parses the proxy URL in the HTTP_PROXY environment variable and prints its scheme, user, host and port. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct proxy {
    char *buf;
    const char *scheme;
    const char *user;
    const char *password;
    const char *host;
    unsigned port;
};

static int parse_port(const char *s, unsigned *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end != '\0' || v == 0 || v > 65535)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static void split_userinfo(struct proxy *px, char *userinfo)
{
    char *colon = strchr(userinfo, ':');
    *colon = '\0';
    px->user = userinfo;
    px->password = colon + 1;
}

static int split_hostport(struct proxy *px, char *hostport)
{
    char *colon = strrchr(hostport, ':');
    if (colon == NULL) {
        px->port = strcmp(px->scheme, "https") == 0 ? 443 : 8080;
    } else {
        *colon = '\0';
        if (parse_port(colon + 1, &px->port) != 0)
            return -1;
    }
    if (*hostport == '\0')
        return -1;
    px->host = hostport;
    return 0;
}

static int parse_proxy(struct proxy *px, const char *url)
{
    memset(px, 0, sizeof(*px));
    px->buf = strdup(url);
    if (!px->buf)
        return -1;

    char *sep = strstr(px->buf, "://");
    char *rest;
    if (sep) {
        *sep = '\0';
        px->scheme = px->buf;
        rest = sep + 3;
    } else {
        px->scheme = "http";
        rest = px->buf;
    }

    char *slash = strchr(rest, '/');
    if (slash)
        *slash = '\0';

    char *at = strrchr(rest, '@');
    if (at) {
        *at = '\0';
        split_userinfo(px, rest);
        rest = at + 1;
    }
    return split_hostport(px, rest);
}

static void print_proxy(const struct proxy *px)
{
    printf("scheme:   %s\n", px->scheme);
    printf("user:     %s\n", px->user ? px->user : "(none)");
    printf("password: %s\n", px->password && *px->password ? "********" : "(none)");
    printf("host:     %s\n", px->host);
    printf("port:     %u\n", px->port);
}

int main(void)
{
    const char *url = getenv("HTTP_PROXY");
    if (!url)
        url = getenv("http_proxy");
    if (!url || *url == '\0') {
        puts("no proxy configured");
        return 0;
    }
    struct proxy px;
    int rc = parse_proxy(&px, url);
    if (rc == 0)
        print_proxy(&px);
    else
        fprintf(stderr, "invalid proxy URL\n");
    free(px.buf);
    return rc == 0 ? 0 : 1;
}
