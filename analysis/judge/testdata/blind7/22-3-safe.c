/* Small TCP file server on 127.0.0.1: answers "GET <name>" requests with files from a shared directory. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_LINE 256

struct request {
    char verb[8];
    char name[MAX_LINE];
};

static int send_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, buf, len, 0);
        if (n <= 0)
            return -1;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

static int read_line(int fd, char *buf, size_t size)
{
    size_t used = 0;
    while (used + 1 < size) {
        char c;
        ssize_t n = recv(fd, &c, 1, 0);
        if (n <= 0)
            return -1;
        if (c == '\n')
            break;
        if (c != '\r')
            buf[used++] = c;
    }
    buf[used] = '\0';
    return (int)used;
}

static int parse_request(const char *line, struct request *req)
{
    const char *sp = strchr(line, ' ');
    if (!sp || (size_t)(sp - line) >= sizeof req->verb)
        return -1;
    memcpy(req->verb, line, (size_t)(sp - line));
    req->verb[sp - line] = '\0';
    size_t nlen = strlen(sp + 1);
    if (nlen >= sizeof req->name)
        return -1;
    memcpy(req->name, sp + 1, nlen + 1);
    return req->name[0] ? 0 : -1;
}

static int name_is_relative_clean(const char *s)
{
    if (s[0] == '/')
        return 0;
    while (*s) {
        size_t seg = strcspn(s, "/");
        if (seg == 2 && s[0] == '.' && s[1] == '.')
            return 0;
        s += seg;
        if (*s == '/')
            s++;
    }
    return 1;
}

static void serve_file(int fd, const char *root, const char *name)
{
    char path[512];
    char buf[4096];
    size_t n;
    int len = snprintf(path, sizeof path, "%s/%s", root, name);
    if (len < 0 || (size_t)len >= sizeof path) {
        send_all(fd, "ERR name too long\n", 18);
        return;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        send_all(fd, "ERR not found\n", 14);
        return;
    }
    send_all(fd, "OK\n", 3);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        if (send_all(fd, buf, n) != 0)
            break;
    fclose(f);
}

static void handle_client(int fd, const char *root)
{
    char line[MAX_LINE + 16];
    struct request req;
    if (read_line(fd, line, sizeof line) < 0 || parse_request(line, &req) != 0 ||
        strcmp(req.verb, "GET") != 0) {
        send_all(fd, "ERR bad request\n", 16);
        return;
    }
    if (!name_is_relative_clean(req.name)) {
        send_all(fd, "ERR bad name\n", 13);
        return;
    }
    serve_file(fd, root, req.name);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s PORT DIR\n", argv[0]);
        return 2;
    }
    long port = strtol(argv[1], NULL, 10);
    if (port < 1024 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
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
    if (bind(ls, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(ls, 8) < 0) {
        perror("bind");
        close(ls);
        return 1;
    }
    for (;;) {
        int c = accept(ls, NULL, NULL);
        if (c < 0)
            continue;
        handle_client(c, argv[2]);
        close(c);
    }
}
