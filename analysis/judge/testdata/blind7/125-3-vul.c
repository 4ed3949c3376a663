/* Small loopback UDP service that decodes the question name of DNS-style queries and echoes it back. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define DNS_HEADER 12
#define NAME_MAX_TEXT 256
#define MAX_JUMPS 8

struct packet {
    uint8_t *data;
    size_t len;
};

struct question {
    char name[NAME_MAX_TEXT];
    uint16_t qtype;
    uint16_t qclass;
};

static int decode_name(const struct packet *pkt, size_t pos, char *out, size_t outsz, size_t *next)
{
    size_t o = 0;
    int jumps = 0;
    size_t after = 0;

    for (;;) {
        if (pos >= pkt->len)
            return -1;
        uint8_t b = pkt->data[pos];
        if (b == 0) {
            pos++;
            break;
        }
        if ((b & 0xc0) == 0xc0) {
            if (pos + 1 >= pkt->len || ++jumps > MAX_JUMPS)
                return -1;
            size_t target = ((size_t)(b & 0x3f) << 8) | pkt->data[pos + 1];
            if (target >= pos)
                return -1;
            if (after == 0)
                after = pos + 2;
            pos = target;
            continue;
        }
        if (b & 0xc0)
            return -1;
        size_t lablen = b;
        if (o + lablen + 2 > outsz)
            return -1;
        if (o > 0)
            out[o++] = '.';
        memcpy(out + o, pkt->data + pos + 1, lablen);
        o += lablen;
        pos += 1 + lablen;
    }
    out[o] = '\0';
    *next = after ? after : pos;
    return 0;
}

static int parse_question(const struct packet *pkt, struct question *q)
{
    size_t pos;
    if (pkt->len < DNS_HEADER)
        return -1;
    if (decode_name(pkt, DNS_HEADER, q->name, sizeof q->name, &pos) < 0)
        return -1;
    if (pkt->len - pos < 4)
        return -1;
    q->qtype = (uint16_t)((pkt->data[pos] << 8) | pkt->data[pos + 1]);
    q->qclass = (uint16_t)((pkt->data[pos + 2] << 8) | pkt->data[pos + 3]);
    return 0;
}

static int handle_datagram(int fd, const uint8_t *buf, size_t n, const struct sockaddr_in *peer)
{
    struct packet pkt;
    struct question q;
    char reply[NAME_MAX_TEXT + 64];
    int stop = 0;
    int len;

    pkt.data = malloc(n ? n : 1);
    if (pkt.data == NULL)
        return 1;
    memcpy(pkt.data, buf, n);
    pkt.len = n;
    if (parse_question(&pkt, &q) < 0) {
        len = snprintf(reply, sizeof reply, "FORMERR\n");
    } else {
        len = snprintf(reply, sizeof reply, "%s type=%u class=%u\n", q.name, q.qtype, q.qclass);
        stop = strcmp(q.name, "shutdown.local") == 0;
    }
    free(pkt.data);
    if (len > 0)
        sendto(fd, reply, (size_t)len, 0, (const struct sockaddr *)peer, sizeof *peer);
    return stop;
}

int main(int argc, char **argv)
{
    int port = argc > 1 ? atoi(argv[1]) : 45353;
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 1;
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
    for (;;) {
        uint8_t buf[1500];
        struct sockaddr_in peer;
        socklen_t plen = sizeof peer;
        ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&peer, &plen);
        if (n < 0) {
            perror("recvfrom");
            break;
        }
        if (handle_datagram(fd, buf, (size_t)n, &peer))
            break;
    }
    close(fd);
    return 0;
}
