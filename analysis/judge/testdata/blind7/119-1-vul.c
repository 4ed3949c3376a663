/* Tiny loopback chat server: reads length-prefixed frames (nick, message, quit) from one client. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NICK_MAX 32
#define FRAME_MAX 1024

struct session {
    int fd;
    char *nick;
    unsigned messages;
};

static int read_full(int fd, void *buf, size_t n)
{
    uint8_t *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r <= 0)
            return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

static void send_line(struct session *s, const char *text, const uint8_t *data, size_t len)
{
    char out[FRAME_MAX + 128];
    int n = snprintf(out, sizeof out, "%s%.*s\n", text, (int)len, (const char *)data);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof out)
        n = (int)sizeof out - 1;
    if (write(s->fd, out, (size_t)n) < 0)
        perror("write");
}

static int set_nick(struct session *s, const uint8_t *payload, size_t len)
{
    if (len == 0 || len > NICK_MAX)
        return -1;
    memcpy(s->nick, payload, len);
    s->nick[len] = '\0';
    return 0;
}

static int handle_frame(struct session *s, uint8_t type, const uint8_t *payload, size_t len)
{
    switch (type) {
    case 'N':
        if (set_nick(s, payload, len) < 0) {
            send_line(s, "ERR bad nick", (const uint8_t *)"", 0);
            return 0;
        }
        send_line(s, "OK nick ", (const uint8_t *)s->nick, strlen(s->nick));
        return 0;
    case 'M': {
        char prefix[NICK_MAX + 8];
        snprintf(prefix, sizeof prefix, "<%s> ", s->nick[0] ? s->nick : "anon");
        s->messages++;
        send_line(s, prefix, payload, len);
        return 0;
    }
    case 'Q':
        send_line(s, "BYE", (const uint8_t *)"", 0);
        return 1;
    default:
        send_line(s, "ERR unknown frame", (const uint8_t *)"", 0);
        return 0;
    }
}

static void serve_client(int fd)
{
    struct session s = { fd, NULL, 0 };
    uint8_t payload[FRAME_MAX];

    s.nick = calloc(1, NICK_MAX);
    if (s.nick == NULL) {
        perror("calloc");
        return;
    }
    for (;;) {
        uint8_t hdr[3];
        if (read_full(fd, hdr, sizeof hdr) < 0)
            break;
        size_t len = ((size_t)hdr[1] << 8) | hdr[2];
        if (len > sizeof payload)
            break;
        if (read_full(fd, payload, len) < 0)
            break;
        if (handle_frame(&s, hdr[0], payload, len))
            break;
    }
    fprintf(stderr, "client done, %u messages\n", s.messages);
    free(s.nick);
}

int main(int argc, char **argv)
{
    int port = argc > 1 ? atoi(argv[1]) : 45119;
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 1;
    }
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (lfd < 0) {
        perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(lfd, 1) < 0) {
        perror("bind/listen");
        close(lfd);
        return 1;
    }
    int cfd = accept(lfd, NULL, NULL);
    if (cfd < 0) {
        perror("accept");
        close(lfd);
        return 1;
    }
    serve_client(cfd);
    close(cfd);
    close(lfd);
    return 0;
}
