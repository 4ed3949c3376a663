/* Serves a small line-based counter protocol to one client on a 127.0.0.1 TCP port. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

struct session {
    int fd;
    char peer[INET_ADDRSTRLEN];
    char rbuf[512];
    size_t rlen;
    long counter;
    unsigned long handled;
};

static struct session *session_new(int fd, const struct sockaddr_in *addr)
{
    struct session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->fd = fd;
    if (!inet_ntop(AF_INET, &addr->sin_addr, s->peer, sizeof s->peer))
        snprintf(s->peer, sizeof s->peer, "?");
    return s;
}

static void session_end(struct session *s)
{
    close(s->fd);
    free(s);
}

static void reply(struct session *s, const char *msg)
{
    size_t len = strlen(msg);
    while (len > 0) {
        ssize_t w = write(s->fd, msg, len);
        if (w <= 0)
            return;
        msg += w;
        len -= (size_t)w;
    }
}

static int read_line(struct session *s, char *out, size_t outsz)
{
    for (;;) {
        char *nl = memchr(s->rbuf, '\n', s->rlen);
        if (nl) {
            size_t n = (size_t)(nl - s->rbuf);
            if (n >= outsz)
                return -1;
            memcpy(out, s->rbuf, n);
            out[n] = '\0';
            if (n > 0 && out[n - 1] == '\r')
                out[--n] = '\0';
            memmove(s->rbuf, nl + 1, s->rlen - (size_t)(nl - s->rbuf) - 1);
            s->rlen -= (size_t)(nl - s->rbuf) + 1;
            return (int)n + 1;
        }
        if (s->rlen == sizeof s->rbuf)
            return -1;
        ssize_t r = read(s->fd, s->rbuf + s->rlen, sizeof s->rbuf - s->rlen);
        if (r <= 0)
            return r == 0 ? 0 : -1;
        s->rlen += (size_t)r;
    }
}

static int cmd_quit(struct session *s, const char *arg)
{
    (void)arg;
    reply(s, "BYE\n");
    return 0;
}

static int cmd_get(struct session *s, const char *arg)
{
    char buf[64];
    (void)arg;
    snprintf(buf, sizeof buf, "VALUE %ld\n", s->counter);
    reply(s, buf);
    return 1;
}

static int cmd_add(struct session *s, const char *arg)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno || end == arg || *end != '\0' || v < -1000 || v > 1000) {
        reply(s, "ERR bad number\n");
        return 1;
    }
    s->counter += v;
    reply(s, "OK\n");
    return 1;
}

static int cmd_reset(struct session *s, const char *arg)
{
    (void)arg;
    s->counter = 0;
    reply(s, "OK\n");
    return 1;
}

static const struct command {
    const char *name;
    int (*handler)(struct session *s, const char *arg);
} commands[] = {
    { "QUIT", cmd_quit },
    { "GET", cmd_get },
    { "ADD", cmd_add },
    { "RESET", cmd_reset },
};

static int dispatch(struct session *s, char *line)
{
    char *arg = strchr(line, ' ');
    if (arg)
        *arg++ = '\0';
    else
        arg = line + strlen(line);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, line) == 0)
            return commands[i].handler(s, arg);
    reply(s, "ERR unknown command\n");
    return 1;
}

static void serve(struct session *s)
{
    char line[256];
    int n;
    while ((n = read_line(s, line, sizeof line)) > 0) {
        int keep = dispatch(s, line);
        s->handled++;
        if (!keep) {
            fprintf(stderr, "client left after %lu commands\n", s->handled);
            session_end(s);
            return;
        }
    }
    fprintf(stderr, "client %s disconnected\n", s->peer);
    session_end(s);
}

int main(int argc, char **argv)
{
    long port = argc > 1 ? strtol(argv[1], NULL, 10) : 45123;
    if (port < 1024 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    if (ls < 0) {
        perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(ls, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(ls, 1) < 0) {
        perror("bind/listen");
        close(ls);
        return 1;
    }
    struct sockaddr_in peer;
    socklen_t plen = sizeof peer;
    int fd = accept(ls, (struct sockaddr *)&peer, &plen);
    close(ls);
    if (fd < 0) {
        perror("accept");
        return 1;
    }
    struct session *s = session_new(fd, &peer);
    if (!s) {
        close(fd);
        return 1;
    }
    serve(s);
    return 0;
}
