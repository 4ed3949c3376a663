/* Loopback TCP server holding a table of integer registers, answering SET/GET/SUM line commands. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define REG_COUNT 32

struct regfile {
    int *regs;
    size_t count;
};

static int parse_long(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || (*end != '\0' && *end != '\n' && *end != '\r'))
        return -1;
    *out = v;
    return 0;
}

static int *reg_at(struct regfile *rf, long idx)
{
    if (idx < 0 || idx >= (long)rf->count)
        return NULL;
    return &rf->regs[idx];
}

static void handle_line(struct regfile *rf, char *line, FILE *out)
{
    char *save = NULL;
    char *cmd = strtok_r(line, " \r\n", &save);
    char *a1 = strtok_r(NULL, " \r\n", &save);
    char *a2 = strtok_r(NULL, " \r\n", &save);
    long idx, val;

    if (!cmd) {
        return;
    } else if (strcmp(cmd, "SET") == 0 && a1 && a2 &&
               parse_long(a1, &idx) == 0 && parse_long(a2, &val) == 0 &&
               val >= -1000000 && val <= 1000000) {
        int *r = reg_at(rf, idx);
        if (!r) {
            fputs("ERR range\n", out);
            return;
        }
        *r = (int)val;
        fputs("OK\n", out);
    } else if (strcmp(cmd, "GET") == 0 && a1 && parse_long(a1, &idx) == 0) {
        int *r = reg_at(rf, idx);
        if (!r)
            fputs("ERR range\n", out);
        else
            fprintf(out, "%d\n", *r);
    } else if (strcmp(cmd, "SUM") == 0) {
        long long sum = 0;
        for (size_t i = 0; i < rf->count; i++)
            sum += rf->regs[i];
        fprintf(out, "%lld\n", sum);
    } else {
        fputs("ERR syntax\n", out);
    }
}

static void serve_client(struct regfile *rf, int fd)
{
    int wfd = dup(fd);
    FILE *in = fdopen(fd, "r");
    FILE *out = wfd >= 0 ? fdopen(wfd, "w") : NULL;
    char line[128];

    if (!in || !out) {
        if (in)
            fclose(in);
        else
            close(fd);
        if (out)
            fclose(out);
        else if (wfd >= 0)
            close(wfd);
        return;
    }
    while (fgets(line, sizeof line, in)) {
        handle_line(rf, line, out);
        fflush(out);
    }
    fclose(out);
    fclose(in);
}

int main(int argc, char **argv)
{
    long port = 45011;
    if (argc > 1 && parse_long(argv[1], &port) != 0)
        return 1;
    struct regfile rf = { calloc(REG_COUNT, sizeof(int)), REG_COUNT };
    if (!rf.regs || port <= 0 || port > 65535)
        return 1;

    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return 1;
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);

    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(s, 8) != 0) {
        perror("bind/listen");
        close(s);
        return 1;
    }
    for (;;) {
        int c = accept(s, NULL, NULL);
        if (c < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        serve_client(&rf, c);
    }
    close(s);
    free(rf.regs);
    return 0;
}
