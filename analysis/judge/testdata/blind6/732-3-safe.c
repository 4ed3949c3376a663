/* Small loopback login server that issues session tokens and records them in a session file. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINE 128

struct server {
    int listen_fd;
    int session_fd;
    int urandom_fd;
};

static void setup_process(void)
{
    umask(077);
    if (chdir("/") != 0)
        perror("chdir");
}

static int open_listener(unsigned short port)
{
    struct sockaddr_in sa;
    int one = 1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, 8) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static int read_line(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    while (n + 1 < cap) {
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        if (c == '\n')
            break;
        if (c != '\r')
            buf[n++] = c;
    }
    buf[n] = '\0';
    return (int)n;
}

static int make_token(struct server *s, char *out, size_t cap)
{
    unsigned char raw[16];
    if (cap < 2 * sizeof raw + 1 || read(s->urandom_fd, raw, sizeof raw) != (ssize_t)sizeof raw)
        return -1;
    for (size_t i = 0; i < sizeof raw; i++)
        snprintf(out + 2 * i, 3, "%02x", raw[i]);
    return 0;
}

static int valid_name(const char *p)
{
    size_t n = 0;
    for (; p[n]; n++)
        if (!((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' && p[n] <= '9') || p[n] == '_'))
            return 0;
    return n > 0 && n <= 32;
}

static void handle_client(struct server *s, int cfd)
{
    char line[MAX_LINE], token[33], rec[MAX_LINE + 40];
    const char *reply = "ERR bad request\n";
    int n;

    read_line(cfd, line, sizeof line);
    if (strncmp(line, "LOGIN ", 6) == 0 && valid_name(line + 6) &&
        make_token(s, token, sizeof token) == 0) {
        n = snprintf(rec, sizeof rec, "%s %s\n", line + 6, token);
        if (n > 0 && (size_t)n < sizeof rec && write(s->session_fd, rec, (size_t)n) == n) {
            dprintf(cfd, "OK %s\n", token);
            return;
        }
        reply = "ERR internal\n";
    }
    if (write(cfd, reply, strlen(reply)) < 0)
        perror("write");
}

int main(int argc, char **argv)
{
    struct server s;
    long port, count;

    if (argc != 4) {
        fprintf(stderr, "usage: %s PORT SESSION_FILE CONNECTIONS\n", argv[0]);
        return 2;
    }
    port = strtol(argv[1], NULL, 10);
    count = strtol(argv[3], NULL, 10);
    if (port < 1024 || port > 65535 || count < 1 || count > 1000) {
        fprintf(stderr, "bad port or connection count\n");
        return 2;
    }
    if (argv[2][0] != '/') {
        fprintf(stderr, "session file must be an absolute path\n");
        return 2;
    }
    setup_process();
    s.session_fd = open(argv[2], O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 0666);
    if (s.session_fd < 0) {
        perror(argv[2]);
        return 1;
    }
    s.urandom_fd = open("/dev/urandom", O_RDONLY);
    s.listen_fd = open_listener((unsigned short)port);
    if (s.urandom_fd < 0 || s.listen_fd < 0) {
        perror("setup");
        return 1;
    }
    while (count-- > 0) {
        int cfd = accept(s.listen_fd, NULL, NULL);
        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            perror("accept");
            break;
        }
        handle_client(&s, cfd);
        close(cfd);
    }
    close(s.listen_fd);
    close(s.session_fd);
    close(s.urandom_fd);
    return 0;
}
