/* Small loopback activation server that stores each customer's license key in a spool directory. */
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
#include <sys/types.h>
#include <unistd.h>

struct server_config {
    unsigned short port;
    const char *spool_dir;
    int max_requests;
};

static void setup_process(void)
{
    signal(SIGPIPE, SIG_IGN);
    umask(0);
}

static int valid_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 32)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return 0;
    return 1;
}

static int valid_key(const char *s)
{
    size_t n = strlen(s);
    if (n < 8 || n > 64)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '-')
            return 0;
    return 1;
}

static int store_key(const struct server_config *cfg, const char *customer, const char *key)
{
    char path[512];
    int n = snprintf(path, sizeof path, "%s/%s.key", cfg->spool_dir, customer);
    if (n < 0 || (size_t)n >= sizeof path)
        return -1;
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return -1;
    fprintf(f, "%s\n", key);
    return fclose(f) == 0 ? 0 : -1;
}

static const char *handle_request(const struct server_config *cfg, char *line)
{
    line[strcspn(line, "\r\n")] = '\0';
    char *save = NULL;
    char *verb = strtok_r(line, " ", &save);
    char *customer = strtok_r(NULL, " ", &save);
    char *key = strtok_r(NULL, " ", &save);

    if (verb == NULL || strcmp(verb, "ACTIVATE") != 0)
        return "ERR unknown command\n";
    if (customer == NULL || key == NULL || !valid_name(customer) || !valid_key(key))
        return "ERR bad arguments\n";
    if (store_key(cfg, customer, key) != 0)
        return "ERR cannot store\n";
    return "OK\n";
}

static void serve_client(const struct server_config *cfg, int fd)
{
    char buf[256];
    ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
    if (n <= 0)
        return;
    buf[n] = '\0';
    const char *reply = handle_request(cfg, buf);
    if (send(fd, reply, strlen(reply), 0) < 0)
        perror("send");
}

static int open_listener(unsigned short port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
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
        fprintf(stderr, "usage: %s PORT SPOOL-DIR [REQUESTS]\n", argv[0]);
        return 2;
    }
    struct server_config cfg;
    long port = strtol(argv[1], NULL, 10);
    if (port < 1024 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    cfg.port = (unsigned short)port;
    cfg.spool_dir = argv[2];
    cfg.max_requests = argc > 3 ? atoi(argv[3]) : 1;
    if (cfg.max_requests < 1 || cfg.max_requests > 1000)
        cfg.max_requests = 1;

    setup_process();
    int ls = open_listener(cfg.port);
    if (ls < 0) {
        perror("listen");
        return 1;
    }
    for (int i = 0; i < cfg.max_requests; i++) {
        int c = accept(ls, NULL, NULL);
        if (c < 0) {
            if (errno == EINTR)
                continue;
            perror("accept");
            break;
        }
        serve_client(&cfg, c);
        close(c);
    }
    close(ls);
    return 0;
}
