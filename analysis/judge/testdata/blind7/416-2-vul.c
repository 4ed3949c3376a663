/* Tiny line-based key/value server on 127.0.0.1 (SET/GET/DEL/QUIT) for a single client session. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct entry {
    char *key;
    char *value;
    struct entry *next;
};

struct store {
    struct entry *head;
    struct entry *last_hit;
};

static struct entry *store_lookup(struct store *s, const char *key)
{
    if (s->last_hit && strcmp(s->last_hit->key, key) == 0)
        return s->last_hit;
    for (struct entry *e = s->head; e; e = e->next) {
        if (strcmp(e->key, key) == 0) {
            s->last_hit = e;
            return e;
        }
    }
    return NULL;
}

static int store_set(struct store *s, const char *key, const char *value)
{
    struct entry *e = store_lookup(s, key);
    char *copy = strdup(value);
    if (!copy)
        return -1;
    if (e) {
        free(e->value);
        e->value = copy;
        return 0;
    }
    e = calloc(1, sizeof(*e));
    if (!e || !(e->key = strdup(key))) {
        free(e);
        free(copy);
        return -1;
    }
    e->value = copy;
    e->next = s->head;
    s->head = e;
    return 0;
}

static int store_delete(struct store *s, const char *key)
{
    for (struct entry **pp = &s->head; *pp; pp = &(*pp)->next) {
        struct entry *e = *pp;
        if (strcmp(e->key, key) == 0) {
            *pp = e->next;
            free(e->key);
            free(e->value);
            free(e);
            return 0;
        }
    }
    return -1;
}

static void store_clear(struct store *s)
{
    while (s->head) {
        struct entry *e = s->head;
        s->head = e->next;
        free(e->key);
        free(e->value);
        free(e);
    }
    s->last_hit = NULL;
}

static int handle_line(struct store *s, char *line, FILE *out)
{
    char *save = NULL;
    char *cmd = strtok_r(line, " \r\n", &save);
    char *key = strtok_r(NULL, " \r\n", &save);
    char *value = strtok_r(NULL, "\r\n", &save);

    if (!cmd)
        return 0;
    if (strcmp(cmd, "QUIT") == 0)
        return 1;
    if (!key) {
        fputs("ERR missing key\n", out);
        return 0;
    }
    if (strcmp(cmd, "SET") == 0 && value) {
        fputs(store_set(s, key, value) == 0 ? "OK\n" : "ERR memory\n", out);
    } else if (strcmp(cmd, "GET") == 0) {
        struct entry *e = store_lookup(s, key);
        if (e)
            fprintf(out, "VALUE %s\n", e->value);
        else
            fputs("NOTFOUND\n", out);
    } else if (strcmp(cmd, "DEL") == 0) {
        fputs(store_delete(s, key) == 0 ? "OK\n" : "NOTFOUND\n", out);
    } else {
        fputs("ERR unknown command\n", out);
    }
    return 0;
}

static int listen_on(unsigned short port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(fd, 1) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    unsigned short port = (unsigned short)(argc > 1 ? atoi(argv[1]) : 45417);
    int lfd = listen_on(port);
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
    FILE *io = fdopen(cfd, "r+");
    if (!io) {
        close(cfd);
        return 1;
    }

    struct store s = { NULL, NULL };
    char line[512];
    while (fgets(line, sizeof(line), io)) {
        if (handle_line(&s, line, io))
            break;
        fflush(io);
    }
    store_clear(&s);
    fclose(io);
    return 0;
}
