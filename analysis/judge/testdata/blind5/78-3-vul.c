/* Loopback TCP service that answers "LOOKUP <hostname>" requests with the output of getent hosts. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define REQ_MAX 512

struct request {
    char verb[16];
    char arg[REQ_MAX];
};

static void send_str(int fd, const char *s)
{
    size_t len = strlen(s);
    while (len > 0) {
        ssize_t n = send(fd, s, len, 0);
        if (n <= 0)
            return;
        s += n;
        len -= (size_t)n;
    }
}

static int parse_request(char *buf, struct request *req)
{
    size_t len = strlen(buf);
    char *sp;

    while (len > 0 && isspace((unsigned char)buf[len - 1]))
        buf[--len] = '\0';
    sp = strchr(buf, ' ');
    if (!sp || (size_t)(sp - buf) >= sizeof req->verb)
        return -1;
    memcpy(req->verb, buf, (size_t)(sp - buf));
    req->verb[sp - buf] = '\0';
    snprintf(req->arg, sizeof req->arg, "%s", sp + 1);
    return 0;
}

static int hostname_ok(const char *name)
{
    if (name[0] == '\0' || name[0] == '-' || strlen(name) > 253)
        return 0;
    return strpbrk(name, ";&|`$()<>{}[]*?!~'\"\\") == NULL;
}

static void do_lookup(int fd, const char *host)
{
    char cmd[600];
    char line[256];
    FILE *p;

    snprintf(cmd, sizeof cmd, "getent hosts %s", host);
    p = popen(cmd, "r");
    if (!p) {
        send_str(fd, "ERR internal\n");
        return;
    }
    send_str(fd, "OK\n");
    while (fgets(line, sizeof line, p))
        send_str(fd, line);
    pclose(p);
}

static void serve_client(int fd)
{
    char buf[REQ_MAX];
    struct request req;
    ssize_t n = recv(fd, buf, sizeof buf - 1, 0);

    if (n <= 0)
        return;
    buf[n] = '\0';
    if (parse_request(buf, &req) != 0 || strcmp(req.verb, "LOOKUP") != 0) {
        send_str(fd, "ERR bad request\n");
        return;
    }
    if (!hostname_ok(req.arg)) {
        send_str(fd, "ERR bad hostname\n");
        return;
    }
    do_lookup(fd, req.arg);
}

int main(int argc, char **argv)
{
    int port = argc > 1 ? atoi(argv[1]) : 45353;
    int srv, one = 1;
    struct sockaddr_in addr;

    if (port <= 0 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 1;
    }
    srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0) {
        perror("socket");
        return 1;
    }
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(srv, 16) != 0) {
        perror("bind/listen");
        return 1;
    }
    for (;;) {
        int c = accept(srv, NULL, NULL);
        if (c < 0)
            continue;
        serve_client(c);
        close(c);
    }
}
