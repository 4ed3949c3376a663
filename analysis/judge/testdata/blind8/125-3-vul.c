/* Answers heartbeat and time requests from clients on a loopback UDP port. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MSG_HEARTBEAT 1
#define MSG_TIME      2
#define MSG_REPLY     0x80
#define HEADER_LEN    3
#define MAX_PAYLOAD   1024

struct message {
    uint8_t type;
    size_t len;
    unsigned char *data;
};

static struct message *message_from_datagram(const unsigned char *buf, size_t n)
{
    if (n < HEADER_LEN)
        return NULL;
    struct message *m = malloc(sizeof *m);
    if (!m)
        return NULL;
    m->data = malloc(n);
    if (!m->data) {
        free(m);
        return NULL;
    }
    memcpy(m->data, buf, n);
    m->len = n;
    m->type = buf[0];
    return m;
}

static void message_free(struct message *m)
{
    if (m) {
        free(m->data);
        free(m);
    }
}

static size_t declared_length(const struct message *m)
{
    return ((size_t)m->data[1] << 8) | m->data[2];
}

static unsigned char *build_reply(uint8_t type, const unsigned char *payload, size_t plen, size_t *out_len)
{
    unsigned char *r = malloc(HEADER_LEN + plen);
    if (!r)
        return NULL;
    r[0] = (unsigned char)(type | MSG_REPLY);
    r[1] = (unsigned char)(plen >> 8);
    r[2] = (unsigned char)(plen & 0xff);
    if (plen)
        memcpy(r + HEADER_LEN, payload, plen);
    *out_len = HEADER_LEN + plen;
    return r;
}

static unsigned char *handle_heartbeat(const struct message *m, size_t *out_len)
{
    size_t plen = declared_length(m);
    if (plen > MAX_PAYLOAD)
        return NULL;
    return build_reply(MSG_HEARTBEAT, m->data + HEADER_LEN, plen, out_len);
}

static unsigned char *handle_time(size_t *out_len)
{
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    if (!gmtime_r(&now, &tm))
        return NULL;
    size_t n = strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return build_reply(MSG_TIME, (const unsigned char *)stamp, n, out_len);
}

static void serve(int fd)
{
    unsigned char buf[2048];
    for (;;) {
        struct sockaddr_in peer;
        socklen_t plen = sizeof peer;
        ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&peer, &plen);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("recvfrom");
            return;
        }
        struct message *m = message_from_datagram(buf, (size_t)n);
        if (!m)
            continue;
        unsigned char *reply = NULL;
        size_t rlen = 0;
        if (m->type == MSG_HEARTBEAT)
            reply = handle_heartbeat(m, &rlen);
        else if (m->type == MSG_TIME)
            reply = handle_time(&rlen);
        if (reply) {
            if (sendto(fd, reply, rlen, 0, (struct sockaddr *)&peer, plen) < 0)
                perror("sendto");
            free(reply);
        }
        message_free(m);
    }
}

int main(int argc, char **argv)
{
    long port = argc > 1 ? strtol(argv[1], NULL, 10) : 45125;
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) {
        perror("socket");
        return 1;
    }
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
        perror("bind");
        close(fd);
        return 1;
    }
    fprintf(stderr, "heartbeat server on 127.0.0.1:%ld\n", port);
    serve(fd);
    close(fd);
    return 0;
}
