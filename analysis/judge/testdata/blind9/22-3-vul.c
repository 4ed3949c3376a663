/* Small loopback file server: answers "GET <name>" requests with the contents of files under a share directory. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct share {
    char root[PATH_MAX];
    size_t root_len;
};

static int send_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

static int read_line(int fd, char *buf, size_t size)
{
    size_t used = 0;
    while (used + 1 < size) {
        ssize_t n = recv(fd, buf + used, 1, 0);
        if (n <= 0)
            return -1;
        if (buf[used] == '\n')
            break;
        used++;
    }
    buf[used] = '\0';
    if (used > 0 && buf[used - 1] == '\r')
        buf[used - 1] = '\0';
    return 0;
}

static int resolve_in_share(const struct share *sh, const char *name, char *out)
{
    char joined[PATH_MAX];
    int len = snprintf(joined, sizeof joined, "%s/%s", sh->root, name);
    if (len < 0 || (size_t)len >= sizeof joined)
        return -1;
    if (!realpath(joined, out))
        return -1;
    if (strncmp(out, sh->root, sh->root_len) != 0)
        return -1;
    return 0;
}

static void serve_file(int fd, const char *path)
{
    char buf[4096];
    size_t n;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        send_all(fd, "ERR cannot open\n", 16);
        return;
    }
    send_all(fd, "OK\n", 3);
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        if (send_all(fd, buf, n) != 0)
            break;
    fclose(fp);
}

static void handle_client(const struct share *sh, int fd)
{
    char line[1024];
    char path[PATH_MAX];
    if (read_line(fd, line, sizeof line) != 0)
        return;
    if (strncmp(line, "GET ", 4) != 0) {
        send_all(fd, "ERR bad command\n", 16);
        return;
    }
    if (resolve_in_share(sh, line + 4, path) != 0) {
        send_all(fd, "ERR not found\n", 14);
        return;
    }
    serve_file(fd, path);
}

static int open_listener(int port)
{
    struct sockaddr_in addr;
    int one = 1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 8) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    struct share sh;
    if (argc != 3) {
        fprintf(stderr, "usage: %s SHARE_DIR PORT\n", argv[0]);
        return 2;
    }
    if (!realpath(argv[1], sh.root)) {
        perror(argv[1]);
        return 1;
    }
    sh.root_len = strlen(sh.root);
    char *end;
    long port = strtol(argv[2], &end, 10);
    if (*end != '\0' || port <= 0 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    int lfd = open_listener((int)port);
    if (lfd < 0) {
        perror("listen");
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);
    for (;;) {
        int cfd = accept(lfd, NULL, NULL);
        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        handle_client(&sh, cfd);
        close(cfd);
    }
    close(lfd);
    return 0;
}
