/* Loopback TCP service that joins a length-prefixed user name and host name into a user@host address and sends it back. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

struct request {
    uint16_t user_len;
    uint16_t host_len;
    char *user;
    char *host;
};

static int read_exact(int fd, void *buf, size_t len)
{
    unsigned char *p = buf;
    while (len > 0) {
        ssize_t n = recv(fd, p, len, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static int write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    while (len > 0) {
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static char *read_field(int fd, uint16_t len)
{
    char *s = malloc((size_t)len + 1);
    if (!s)
        return NULL;
    if (read_exact(fd, s, len) != 0) {
        free(s);
        return NULL;
    }
    s[len] = '\0';
    return s;
}

static int read_request(int fd, struct request *rq)
{
    unsigned char hdr[4];

    memset(rq, 0, sizeof *rq);
    if (read_exact(fd, hdr, sizeof hdr) != 0)
        return -1;
    rq->user_len = (uint16_t)(hdr[0] << 8 | hdr[1]);
    rq->host_len = (uint16_t)(hdr[2] << 8 | hdr[3]);
    rq->user = read_field(fd, rq->user_len);
    if (!rq->user)
        return -1;
    rq->host = read_field(fd, rq->host_len);
    return rq->host ? 0 : -1;
}

static void free_request(struct request *rq)
{
    free(rq->user);
    free(rq->host);
}

static char *join_address(const struct request *rq, size_t *out_len)
{
    size_t total = (size_t)rq->user_len + rq->host_len + 2;
    char *addr = malloc(total);

    if (!addr)
        return NULL;
    memcpy(addr, rq->user, rq->user_len);
    addr[rq->user_len] = '@';
    memcpy(addr + rq->user_len + 1, rq->host, rq->host_len);
    addr[rq->user_len + 1 + rq->host_len] = '\0';
    *out_len = (size_t)rq->user_len + 1 + rq->host_len;
    return addr;
}

static void serve_client(int fd)
{
    struct request rq;
    char *addr;
    size_t len = 0;
    unsigned char hdr[4];

    if (read_request(fd, &rq) == 0 && (addr = join_address(&rq, &len)) != NULL) {
        hdr[0] = (unsigned char)(len >> 24);
        hdr[1] = (unsigned char)(len >> 16);
        hdr[2] = (unsigned char)(len >> 8);
        hdr[3] = (unsigned char)len;
        if (write_all(fd, hdr, sizeof hdr) == 0)
            write_all(fd, addr, len);
        free(addr);
    }
    free_request(&rq);
}

int main(int argc, char **argv)
{
    struct sockaddr_in sa;
    int lfd, one = 1;
    long port = argc > 1 ? strtol(argv[1], NULL, 10) : 45030;
    long remaining = argc > 2 ? strtol(argv[2], NULL, 10) : -1;

    if (port < 1024 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 1;
    }
    lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (lfd < 0)
        return 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(lfd, 8) < 0) {
        perror("listen");
        close(lfd);
        return 1;
    }
    while (remaining != 0) {
        int cfd = accept(lfd, NULL, NULL);
        if (cfd < 0)
            continue;
        serve_client(cfd);
        close(cfd);
        if (remaining > 0)
            remaining--;
    }
    close(lfd);
    return 0;
}
