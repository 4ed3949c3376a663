/* Loopback TCP note server: each client sends "NOTE <name>" and a body, which is stored as a file in a spool directory. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_REQ 65536

struct spool {
    const char *dir;
    unsigned long stored;
};

static int init_spool(struct spool *sp, const char *dir)
{
    umask(S_IRWXG | S_IRWXO);
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return -1;
    sp->dir = dir;
    sp->stored = 0;
    return 0;
}

static int valid_note_name(const char *s, size_t n)
{
    if (n == 0 || n > 48)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return 0;
    }
    return 1;
}

static int spool_store(struct spool *sp, const char *name, const char *body, size_t len)
{
    char path[512];
    int n = snprintf(path, sizeof path, "%s/%s.note", sp->dir, name);
    if (n < 0 || (size_t)n >= sizeof path)
        return -1;
    FILE *f = fopen(path, "wx");
    if (f == NULL)
        return -1;
    size_t w = fwrite(body, 1, len, f);
    if (fclose(f) != 0 || w != len) {
        unlink(path);
        return -1;
    }
    sp->stored++;
    return 0;
}

static size_t read_request(int fd, char *buf, size_t cap)
{
    size_t used = 0;
    while (used < cap) {
        ssize_t r = recv(fd, buf + used, cap - used, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        used += (size_t)r;
    }
    return used;
}

static const char *handle_client(struct spool *sp, int fd, char *buf)
{
    size_t len = read_request(fd, buf, MAX_REQ);
    char *nl = memchr(buf, '\n', len);
    if (nl == NULL || (size_t)(nl - buf) < 6 || memcmp(buf, "NOTE ", 5) != 0)
        return "ERR bad request\n";
    char *name = buf + 5;
    size_t name_len = (size_t)(nl - name);
    if (name_len > 0 && name[name_len - 1] == '\r')
        name_len--;
    if (!valid_note_name(name, name_len))
        return "ERR bad name\n";
    name[name_len] = '\0';
    char *body = nl + 1;
    size_t body_len = len - (size_t)(body - buf);
    if (spool_store(sp, name, body, body_len) != 0)
        return "ERR cannot store\n";
    return "OK\n";
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s PORT SPOOLDIR MAXCLIENTS\n", argv[0]);
        return 2;
    }
    long port = strtol(argv[1], NULL, 10);
    long max_clients = strtol(argv[3], NULL, 10);
    if (port < 1024 || port > 65535 || max_clients < 1 || max_clients > 1000) {
        fprintf(stderr, "bad port or client count\n");
        return 2;
    }
    struct spool sp;
    if (init_spool(&sp, argv[2]) != 0) {
        perror("spool");
        return 1;
    }
    char *buf = malloc(MAX_REQ);
    if (buf == NULL)
        return 1;
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    if (ls < 0) {
        free(buf);
        return 1;
    }
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(ls, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(ls, 8) != 0) {
        perror("listen");
        close(ls);
        free(buf);
        return 1;
    }
    for (long i = 0; i < max_clients; i++) {
        int c = accept(ls, NULL, NULL);
        if (c < 0)
            continue;
        const char *reply = handle_client(&sp, c, buf);
        (void)send(c, reply, strlen(reply), 0);
        close(c);
    }
    printf("stored %lu notes\n", sp.stored);
    close(ls);
    free(buf);
    return 0;
}
