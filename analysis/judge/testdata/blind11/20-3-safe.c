/* Line-protocol TCP server on 127.0.0.1 that lists warehouse bins and moves stock between them. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NBINS 4

struct bin {
    const char *label;
    long count;
};

struct warehouse {
    struct bin bins[NBINS];
    unsigned long moves;
};

static int parse_long(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

static int parse_bin(const char *s, int *out)
{
    long v;
    if (parse_long(s, &v) != 0 || v < 0 || v >= NBINS)
        return -1;
    *out = (int)v;
    return 0;
}

static void list_bins(const struct warehouse *w, FILE *out)
{
    for (int i = 0; i < NBINS; i++)
        fprintf(out, "%d %s %ld\n", i, w->bins[i].label, w->bins[i].count);
    fprintf(out, "moves %lu\n", w->moves);
}

static const char *move_stock(struct warehouse *w, int from, int to, long qty)
{
    struct bin *src = &w->bins[from];
    struct bin *dst = &w->bins[to];
    if (from == to)
        return "same bin";
    if (qty <= 0 || qty > src->count)
        return "quantity out of range";
    src->count -= qty;
    dst->count += qty;
    w->moves++;
    return NULL;
}

static void handle_line(struct warehouse *w, char *line, FILE *out)
{
    char *save = NULL;
    char *cmd = strtok_r(line, " \t\r\n", &save);
    if (!cmd)
        return;
    if (strcmp(cmd, "LIST") == 0) {
        list_bins(w, out);
    } else if (strcmp(cmd, "MOVE") == 0) {
        char *a = strtok_r(NULL, " \t\r\n", &save);
        char *b = strtok_r(NULL, " \t\r\n", &save);
        char *c = strtok_r(NULL, " \t\r\n", &save);
        int from, to;
        long qty;
        if (!a || !b || !c || parse_bin(a, &from) || parse_bin(b, &to) || parse_long(c, &qty)) {
            fprintf(out, "ERR usage: MOVE from to qty\n");
            return;
        }
        const char *err = move_stock(w, from, to, qty);
        if (err)
            fprintf(out, "ERR %s\n", err);
        else
            fprintf(out, "OK\n");
    } else {
        fprintf(out, "ERR unknown command\n");
    }
}

static int listen_on(unsigned short port)
{
    struct sockaddr_in addr;
    int one = 1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 4) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    struct warehouse w = { { { "bolts", 10 }, { "nuts", 80 }, { "washers", 25 }, { "screws", 0 } }, 0 };
    long port = 0;
    char line[256];

    if (argc != 2 || parse_long(argv[1], &port) != 0 || port < 1024 || port > 65535) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    int lfd = listen_on((unsigned short)port);
    if (lfd < 0) {
        perror("listen");
        return 1;
    }
    int cfd = accept(lfd, NULL, NULL);
    close(lfd);
    if (cfd < 0) {
        perror("accept");
        return 1;
    }
    int ofd = dup(cfd);
    FILE *in = fdopen(cfd, "r");
    FILE *out = ofd >= 0 ? fdopen(ofd, "w") : NULL;
    if (!in || !out) {
        if (in) fclose(in); else close(cfd);
        if (out) fclose(out); else if (ofd >= 0) close(ofd);
        return 1;
    }
    while (fgets(line, sizeof line, in)) {
        if (strncmp(line, "QUIT", 4) == 0)
            break;
        handle_line(&w, line, out);
        fflush(out);
    }
    fclose(out);
    fclose(in);
    return 0;
}
