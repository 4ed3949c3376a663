/* Small line-based key/value server listening on a loopback TCP port. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define KEY_MAX 16
#define VAL_MAX 64
#define SLOTS 32

struct entry {
    char key[KEY_MAX];
    char val[VAL_MAX];
    int used;
};

static struct entry table[SLOTS];

static const char *next_token(const char *p, char *out, size_t outsz)
{
    size_t n = 0;

    while (*p == ' ')
        p++;
    while (*p && !isspace((unsigned char)*p)) {
        if (n + 1 < outsz)
            out[n++] = *p;
        p++;
    }
    out[n] = '\0';
    return p;
}

static struct entry *find_entry(const char *key, int create)
{
    struct entry *free_slot = NULL;

    for (int i = 0; i < SLOTS; i++) {
        if (table[i].used && strcmp(table[i].key, key) == 0)
            return &table[i];
        if (!table[i].used && !free_slot)
            free_slot = &table[i];
    }
    if (create && free_slot) {
        snprintf(free_slot->key, sizeof free_slot->key, "%s", key);
        free_slot->val[0] = '\0';
        free_slot->used = 1;
        return free_slot;
    }
    return NULL;
}

static void handle_line(FILE *out, const char *line)
{
    char cmd[8];
    char key[KEY_MAX];
    char val[VAL_MAX];
    struct entry *e;

    line = next_token(line, cmd, sizeof cmd);
    line = next_token(line, key, sizeof key);
    if (strcmp(cmd, "SET") == 0 && key[0]) {
        next_token(line, val, sizeof val);
        e = find_entry(key, 1);
        if (!e) {
            fputs("ERR table full\n", out);
            return;
        }
        snprintf(e->val, sizeof e->val, "%s", val);
        fputs("OK\n", out);
    } else if (strcmp(cmd, "GET") == 0 && key[0]) {
        e = find_entry(key, 0);
        if (e)
            fprintf(out, "VALUE %s\n", e->val);
        else
            fputs("NOTFOUND\n", out);
    } else if (strcmp(cmd, "DEL") == 0 && key[0]) {
        e = find_entry(key, 0);
        if (e)
            e->used = 0;
        fputs(e ? "OK\n" : "NOTFOUND\n", out);
    } else {
        fputs("ERR unknown command\n", out);
    }
}

static void serve_client(int fd)
{
    int wfd = dup(fd);
    FILE *in = fdopen(fd, "r");
    FILE *out = wfd >= 0 ? fdopen(wfd, "w") : NULL;
    char line[256];

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
        line[strcspn(line, "\r\n")] = '\0';
        if (strcmp(line, "QUIT") == 0)
            break;
        handle_line(out, line);
        fflush(out);
    }
    fclose(out);
    fclose(in);
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
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(fd, 4) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    long port = argc > 1 ? strtol(argv[1], NULL, 10) : 45119;
    long max_clients = argc > 2 ? strtol(argv[2], NULL, 10) : 0;
    int lfd;

    if (port < 1024 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    lfd = open_listener((unsigned short)port);
    if (lfd < 0) {
        perror("listen");
        return 1;
    }
    for (long served = 0; max_clients <= 0 || served < max_clients; served++) {
        int cfd = accept(lfd, NULL, NULL);
        if (cfd < 0) {
            perror("accept");
            break;
        }
        serve_client(cfd);
    }
    close(lfd);
    return 0;
}
