/* Small loopback session-token server: clients send "ISSUE <user>" and get a token, which is recorded in a sessions file in the state directory. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define SESSIONS_FILE "sessions.db"

struct server {
    int listen_fd;
    FILE *rng;
    unsigned long issued;
};

static int setup_process(const char *state_dir)
{
    signal(SIGPIPE, SIG_IGN);
    umask(077);
    return chdir(state_dir);
}

static int open_listener(unsigned short port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 8) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static int valid_user(const char *user)
{
    size_t n = strlen(user);
    if (n == 0 || n > 32)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)user[i]) && user[i] != '_' && user[i] != '-')
            return 0;
    return 1;
}

static int make_token(struct server *srv, char *out, size_t outlen)
{
    unsigned char raw[16];
    if (outlen < 2 * sizeof raw + 1 || fread(raw, 1, sizeof raw, srv->rng) != sizeof raw)
        return -1;
    for (size_t i = 0; i < sizeof raw; i++)
        snprintf(out + 2 * i, 3, "%02x", raw[i]);
    return 0;
}

static int record_session(const char *user, const char *token)
{
    FILE *f = fopen(SESSIONS_FILE, "a");
    if (!f)
        return -1;
    fprintf(f, "%s %s\n", user, token);
    return fclose(f) == 0 ? 0 : -1;
}

static int handle_line(struct server *srv, char *line, FILE *out)
{
    line[strcspn(line, "\r\n")] = '\0';
    if (strcmp(line, "QUIT") == 0)
        return 1;
    if (strcmp(line, "SHUTDOWN") == 0)
        return 2;
    if (strncmp(line, "ISSUE ", 6) != 0 || !valid_user(line + 6)) {
        fputs("ERR bad request\n", out);
        return 0;
    }
    char token[33];
    if (make_token(srv, token, sizeof token) != 0 || record_session(line + 6, token) != 0) {
        fputs("ERR internal\n", out);
        return 0;
    }
    srv->issued++;
    fprintf(out, "OK %s\n", token);
    return 0;
}

static int serve_client(struct server *srv, int cfd)
{
    int wfd = dup(cfd);
    FILE *in = fdopen(cfd, "r");
    FILE *out = wfd >= 0 ? fdopen(wfd, "w") : NULL;
    if (!in || !out) {
        if (in)
            fclose(in);
        else
            close(cfd);
        if (out)
            fclose(out);
        else if (wfd >= 0)
            close(wfd);
        return 0;
    }
    char line[128];
    int rc = 0;
    while (rc == 0 && fgets(line, sizeof line, in)) {
        rc = handle_line(srv, line, out);
        fflush(out);
    }
    fclose(out);
    fclose(in);
    return rc == 2;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s PORT STATE_DIR\n", argv[0]);
        return 2;
    }
    char *end;
    long port = strtol(argv[1], &end, 10);
    if (*end != '\0' || port < 1024 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    struct server srv = { -1, NULL, 0 };
    if (setup_process(argv[2]) != 0) {
        perror("chdir");
        return 1;
    }
    srv.rng = fopen("/dev/urandom", "rb");
    if (!srv.rng) {
        perror("/dev/urandom");
        return 1;
    }
    srv.listen_fd = open_listener((unsigned short)port);
    if (srv.listen_fd < 0) {
        perror("listen");
        fclose(srv.rng);
        return 1;
    }
    for (;;) {
        int cfd = accept(srv.listen_fd, NULL, NULL);
        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (serve_client(&srv, cfd))
            break;
    }
    printf("issued %lu token(s)\n", srv.issued);
    close(srv.listen_fd);
    fclose(srv.rng);
    return 0;
}
