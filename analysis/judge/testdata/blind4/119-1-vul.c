/* Accepts one client on a loopback TCP port, collects its length-prefixed text frames and prints the assembled message. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MSG_CAP 256

struct session {
    int fd;
    unsigned frames;
    size_t used;
    char msg[MSG_CAP];
};

static int read_full(int fd, void *buf, size_t n)
{
    unsigned char *p = buf;
    size_t got = 0;

    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            return 0;
        got += (size_t)r;
    }
    return 1;
}

static int send_text(int fd, const char *s)
{
    size_t len = strlen(s);

    while (len > 0) {
        ssize_t w = write(fd, s, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        s += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Returns 1 when a frame was stored, 0 at the end-of-message frame, -1 on error. */
static int read_frame(struct session *s)
{
    unsigned char hdr[2];
    unsigned char *payload;
    size_t len;

    if (read_full(s->fd, hdr, sizeof hdr) <= 0)
        return -1;
    len = ((size_t)hdr[0] << 8) | hdr[1];
    if (len == 0)
        return 0;
    if (len > sizeof s->msg) {
        fprintf(stderr, "frame of %zu bytes rejected\n", len);
        return -1;
    }

    payload = malloc(len);
    if (payload == NULL)
        return -1;
    if (read_full(s->fd, payload, len) <= 0) {
        free(payload);
        return -1;
    }
    memcpy(s->msg + s->used, payload, len);
    s->used += len;
    s->frames++;
    free(payload);
    return 1;
}

static void handle_client(int fd)
{
    struct session *s = calloc(1, sizeof *s);
    int rc;

    if (s == NULL) {
        close(fd);
        return;
    }
    s->fd = fd;
    while ((rc = read_frame(s)) == 1)
        ;
    if (rc == 0) {
        printf("message (%u frames, %zu bytes): ", s->frames, s->used);
        fwrite(s->msg, 1, s->used, stdout);
        putchar('\n');
        send_text(fd, "OK\n");
    } else {
        send_text(fd, "ERR\n");
    }
    close(fd);
    free(s);
}

static int open_listener(unsigned short port)
{
    struct sockaddr_in addr;
    int one = 1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 4) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    char *end;
    long port;
    int lfd, cfd;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    port = strtol(argv[1], &end, 10);
    if (*argv[1] == '\0' || *end != '\0' || port < 1024 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    lfd = open_listener((unsigned short)port);
    if (lfd < 0) {
        perror("listen");
        return 1;
    }
    cfd = accept(lfd, NULL, NULL);
    if (cfd < 0) {
        perror("accept");
        close(lfd);
        return 1;
    }
    handle_client(cfd);
    close(lfd);
    return 0;
}
