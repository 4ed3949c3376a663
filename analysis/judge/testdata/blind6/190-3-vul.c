/* Accepts one loopback TCP client that uploads length-prefixed key/value records, stores them and prints the table. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_ENTRIES 64

struct record_hdr {
    uint16_t klen;
    uint16_t vlen;
};

struct kv_table {
    char *entries[MAX_ENTRIES];   /* each "key=value" */
    size_t count;
};

static int read_full(int fd, void *buf, size_t n)
{
    unsigned char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r <= 0)
            return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

static int read_header(int fd, struct record_hdr *h)
{
    unsigned char raw[4];
    if (read_full(fd, raw, sizeof raw) != 0)
        return -1;
    h->klen = (uint16_t)(raw[0] << 8 | raw[1]);
    h->vlen = (uint16_t)(raw[2] << 8 | raw[3]);
    return 0;
}

static char *read_record(int fd, const struct record_hdr *h)
{
    uint16_t need = h->klen + h->vlen + 2;
    char *kv = malloc(need);
    if (kv == NULL)
        return NULL;
    if (read_full(fd, kv, h->klen) != 0) {
        free(kv);
        return NULL;
    }
    kv[h->klen] = '=';
    if (read_full(fd, kv + h->klen + 1, h->vlen) != 0) {
        free(kv);
        return NULL;
    }
    kv[h->klen + 1 + h->vlen] = '\0';
    return kv;
}

static void reply(int fd, const char *msg)
{
    if (write(fd, msg, strlen(msg)) < 0)
        perror("write");
}

static void serve(int fd, struct kv_table *t)
{
    struct record_hdr h;
    char msg[64];

    while (read_header(fd, &h) == 0) {
        if (h.klen == 0) {
            reply(fd, "ERR empty key\n");
            break;
        }
        char *kv = read_record(fd, &h);
        if (kv == NULL)
            break;
        if (t->count == MAX_ENTRIES) {
            free(kv);
            reply(fd, "ERR table full\n");
            continue;
        }
        t->entries[t->count++] = kv;
        snprintf(msg, sizeof msg, "OK %zu\n", t->count);
        reply(fd, msg);
    }
}

static int listen_loopback(int port)
{
    struct sockaddr_in addr;
    int one = 1;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(s, 1) < 0) {
        close(s);
        return -1;
    }
    return s;
}

int main(int argc, char **argv)
{
    struct kv_table table = { .count = 0 };
    int port = argc > 1 ? atoi(argv[1]) : 45190;
    int srv, fd;

    if (port < 1024 || port > 65535) {
        fprintf(stderr, "usage: %s [PORT]\n", argv[0]);
        return 2;
    }
    srv = listen_loopback(port);
    if (srv < 0) {
        perror("listen");
        return 1;
    }
    fd = accept(srv, NULL, NULL);
    close(srv);
    if (fd < 0) {
        perror("accept");
        return 1;
    }
    serve(fd, &table);
    close(fd);
    for (size_t i = 0; i < table.count; i++) {
        printf("%s\n", table.entries[i]);
        free(table.entries[i]);
    }
    return 0;
}
