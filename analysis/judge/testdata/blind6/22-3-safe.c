/* Small loopback file server: answers "GET <name>" requests with files from a served directory. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define REQ_MAX 512
#define PATH_LEN 1024

struct server_conf {
    const char *root;
    int port;
    int max_clients;
};

static int send_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, buf, len, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

static int read_request(int fd, char *line, size_t cap)
{
    size_t used = 0;
    while (used + 1 < cap) {
        ssize_t n = recv(fd, line + used, 1, 0);
        if (n <= 0) return -1;
        if (line[used] == '\n') break;
        used++;
    }
    line[used] = '\0';
    if (used > 0 && line[used - 1] == '\r')
        line[used - 1] = '\0';
    return 0;
}

static int clean_name(const char *in, char *out, size_t cap)
{
    size_t i = 0, j = 0;
    while (in[i] == '/')
        i++;
    const char *seg = in + i;
    while (in[i] != '\0') {
        if (j + 1 >= cap) return -1;
        out[j++] = in[i++];
        if (in[i] == '/' || in[i] == '\0') {
            size_t seglen = (size_t)(in + i - seg);
            if (seglen == 2 && seg[0] == '.' && seg[1] == '.')
                return -1;
            if (in[i] == '/')
                seg = in + i + 1;
        }
    }
    out[j] = '\0';
    return j > 0 ? 0 : -1;
}

static void serve_file(int fd, const struct server_conf *conf, const char *name)
{
    char path[PATH_LEN], buf[4096];
    int n = snprintf(path, sizeof path, "%s/%s", conf->root, name);
    if (n < 0 || (size_t)n >= sizeof path) {
        send_all(fd, "ERR name too long\n", 18);
        return;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        send_all(fd, "ERR not found\n", 14);
        return;
    }
    send_all(fd, "OK\n", 3);
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
        if (send_all(fd, buf, got) != 0) break;
    fclose(fp);
}

static void handle_client(int fd, const struct server_conf *conf)
{
    char line[REQ_MAX], name[REQ_MAX];
    if (read_request(fd, line, sizeof line) != 0)
        return;
    if (strncmp(line, "GET ", 4) != 0) {
        send_all(fd, "ERR bad request\n", 16);
        return;
    }
    if (clean_name(line + 4, name, sizeof name) != 0) {
        send_all(fd, "ERR bad name\n", 13);
        return;
    }
    serve_file(fd, conf, name);
}

static int open_listener(int port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) return -1;
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(s, 8) != 0) {
        close(s);
        return -1;
    }
    return s;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s PORT ROOT [MAX_CLIENTS]\n", argv[0]);
        return 2;
    }
    struct server_conf conf;
    conf.port = atoi(argv[1]);
    conf.root = argv[2];
    conf.max_clients = argc > 3 ? atoi(argv[3]) : 0;
    if (conf.port <= 0 || conf.port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    int ls = open_listener(conf.port);
    if (ls < 0) {
        perror("listen");
        return 1;
    }
    for (int served = 0; conf.max_clients <= 0 || served < conf.max_clients; served++) {
        int c = accept(ls, NULL, NULL);
        if (c < 0) {
            if (errno == EINTR) continue;
            break;
        }
        handle_client(c, &conf);
        close(c);
    }
    close(ls);
    return 0;
}
