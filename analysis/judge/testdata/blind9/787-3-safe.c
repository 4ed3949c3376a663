/* Loopback log collector: receives "LOG <source> <message>" lines over TCP and prints each one as a JSON record. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define REQ_MAX 768
#define FIELD_MAX 1024

struct log_record {
    long when;
    char source[FIELD_MAX];
    char message[FIELD_MAX];
};

static int read_request(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    while (n + 1 < cap) {
        ssize_t r = recv(fd, buf + n, 1, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        if (buf[n] == '\n')
            break;
        n++;
    }
    buf[n] = '\0';
    if (n > 0 && buf[n - 1] == '\r')
        buf[--n] = '\0';
    return (int)n;
}

static int json_escape(const char *in, char *out, size_t cap)
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    for (; *in; in++) {
        unsigned char c = (unsigned char)*in;
        size_t need = (c == '"' || c == '\\') ? 2 : (c < 0x20 ? 6 : 1);
        if (o + need >= cap)
            return -1;
        if (c == '"' || c == '\\') {
            out[o++] = '\\';
            out[o++] = (char)c;
        } else if (c < 0x20) {
            out[o++] = '\\';
            out[o++] = 'u';
            out[o++] = '0';
            out[o++] = '0';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 0x0f];
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    return 0;
}

static int parse_request(char *req, struct log_record *rec)
{
    if (strncmp(req, "LOG ", 4) != 0)
        return -1;
    char *src = req + 4;
    char *sp = strchr(src, ' ');
    if (!sp || sp == src)
        return -1;
    *sp = '\0';
    if (json_escape(src, rec->source, sizeof rec->source) != 0 ||
        json_escape(sp + 1, rec->message, sizeof rec->message) != 0)
        return -1;
    rec->when = (long)time(NULL);
    return 0;
}

static void serve_client(int cfd)
{
    char req[REQ_MAX];
    struct log_record *rec = malloc(sizeof *rec);
    const char *reply = "ERR\n";
    if (rec && read_request(cfd, req, sizeof req) > 0 && parse_request(req, rec) == 0) {
        printf("{\"time\":%ld,\"source\":\"%s\",\"message\":\"%s\"}\n", rec->when, rec->source, rec->message);
        fflush(stdout);
        reply = "OK\n";
    }
    free(rec);
    send(cfd, reply, strlen(reply), 0);
}

static int listen_loopback(unsigned short port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = htons(port);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, 16) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    long port = argc > 1 ? strtol(argv[1], NULL, 10) : 45514;
    if (port < 1024 || port > 65535) {
        fprintf(stderr, "usage: %s [PORT]\n", argv[0]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    int lfd = listen_loopback((unsigned short)port);
    if (lfd < 0) {
        perror("listen");
        return 1;
    }
    for (;;) {
        int cfd = accept(lfd, NULL, NULL);
        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        serve_client(cfd);
        close(cfd);
    }
    close(lfd);
    return 0;
}
