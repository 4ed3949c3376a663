/* Small loopback paste server: each client sends "NAME <name>" and a body, which is stored in a spool directory. */
#define _XOPEN_SOURCE 700
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_NAME 48
#define MAX_BODY 65536

struct server_config {
    const char *spool_dir;
    unsigned short port;
    int max_clients;
};

static void setup_process(void)
{
    umask(S_IRWXG | S_IRWXO);
    if (chdir("/") != 0)
        perror("chdir");
}

static int valid_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= MAX_NAME || s[0] == '.')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return 0;
    }
    return 1;
}

static ssize_t read_line(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    while (n + 1 < cap) {
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r <= 0)
            return -1;
        if (c == '\n') {
            buf[n] = '\0';
            return (ssize_t)n;
        }
        buf[n++] = c;
    }
    return -1;
}

static int store_paste(const struct server_config *cfg, const char *name, int client)
{
    char path[4096];
    int len = snprintf(path, sizeof path, "%s/%s", cfg->spool_dir, name);
    if (len < 0 || (size_t)len >= sizeof path)
        return -1;

    int out = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (out < 0)
        return -1;

    char buf[4096];
    size_t total = 0;
    ssize_t r;
    while ((r = read(client, buf, sizeof buf)) > 0) {
        if (total + (size_t)r > MAX_BODY)
            break;
        if (write(out, buf, (size_t)r) != r)
            break;
        total += (size_t)r;
    }
    close(out);
    return 0;
}

static void handle_client(const struct server_config *cfg, int client)
{
    char line[128];
    const char *reply = "ERR\n";
    if (read_line(client, line, sizeof line) > 5 && strncmp(line, "NAME ", 5) == 0 &&
        valid_name(line + 5)) {
        if (store_paste(cfg, line + 5, client) == 0)
            reply = "OK\n";
    }
    if (write(client, reply, strlen(reply)) < 0)
        perror("write");
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s SPOOLDIR PORT [MAXCLIENTS]\n", argv[0]);
        return 2;
    }
    char *spool = realpath(argv[1], NULL);
    if (!spool) {
        perror("realpath");
        return 1;
    }
    struct server_config cfg = { spool, (unsigned short)atoi(argv[2]),
                                 argc > 3 ? atoi(argv[3]) : 1 };
    setup_process();

    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0) {
        perror("socket");
        free(spool);
        return 1;
    }
    int one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(cfg.port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(srv, 4) != 0) {
        perror("bind");
        close(srv);
        free(spool);
        return 1;
    }
    for (int i = 0; i < cfg.max_clients; i++) {
        int client = accept(srv, NULL, NULL);
        if (client < 0)
            continue;
        handle_client(&cfg, client);
        close(client);
    }
    close(srv);
    free(spool);
    return 0;
}
