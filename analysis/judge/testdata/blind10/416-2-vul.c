/* Small line-based key/value cache server on 127.0.0.1 with a fixed number of first-in-first-out slots. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define CACHE_SLOTS 4

struct entry {
    char *key;
    char *value;
    unsigned long stamp;
};

struct cache {
    struct entry *slots[CACHE_SLOTS];
    unsigned long clock;
};

static void entry_free(struct entry *e)
{
    if (!e)
        return;
    free(e->key);
    free(e->value);
    free(e);
}

static struct entry *cache_get(struct cache *c, const char *key)
{
    for (int i = 0; i < CACHE_SLOTS; i++)
        if (c->slots[i] && strcmp(c->slots[i]->key, key) == 0)
            return c->slots[i];
    return NULL;
}

static int cache_pick_slot(struct cache *c, const char *key)
{
    int oldest = 0;
    for (int i = 0; i < CACHE_SLOTS; i++) {
        if (!c->slots[i])
            return i;
        if (strcmp(c->slots[i]->key, key) == 0)
            return i;
        if (c->slots[i]->stamp < c->slots[oldest]->stamp)
            oldest = i;
    }
    return oldest;
}

static int cache_put(struct cache *c, const char *key, const char *value)
{
    int slot = cache_pick_slot(c, key);
    entry_free(c->slots[slot]);
    c->slots[slot] = NULL;

    struct entry *e = calloc(1, sizeof(*e));
    if (!e)
        return -1;
    e->key = strdup(key);
    e->value = strdup(value);
    if (!e->key || !e->value) {
        entry_free(e);
        return -1;
    }
    e->stamp = ++c->clock;
    c->slots[slot] = e;
    return 0;
}

static void reply(FILE *out, const char *msg, const char *arg)
{
    if (arg)
        fprintf(out, "%s %s\n", msg, arg);
    else
        fprintf(out, "%s\n", msg);
    fflush(out);
}

static int handle_line(struct cache *c, char *line, FILE *out)
{
    char *save = NULL;
    char *cmd = strtok_r(line, " \r\n", &save);
    char *a = strtok_r(NULL, " \r\n", &save);
    char *b = strtok_r(NULL, "\r\n", &save);

    if (!cmd)
        return 0;
    if (strcmp(cmd, "QUIT") == 0)
        return 1;
    if (strcmp(cmd, "SET") == 0 && a && b) {
        reply(out, cache_put(c, a, b) == 0 ? "OK" : "ERR", NULL);
    } else if (strcmp(cmd, "GET") == 0 && a) {
        struct entry *e = cache_get(c, a);
        reply(out, e ? "VALUE" : "MISS", e ? e->value : NULL);
    } else if (strcmp(cmd, "COPY") == 0 && a && b) {
        struct entry *src = cache_get(c, a);
        if (!src) {
            reply(out, "MISS", NULL);
        } else {
            reply(out, cache_put(c, b, src->value) == 0 ? "OK" : "ERR", NULL);
        }
    } else {
        reply(out, "ERR", "unknown command");
    }
    return 0;
}

static void serve(int fd)
{
    struct cache c;
    memset(&c, 0, sizeof(c));
    int wfd = dup(fd);
    FILE *in = fdopen(fd, "r");
    FILE *out = wfd >= 0 ? fdopen(wfd, "w") : NULL;
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
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, in) > 0)
        if (handle_line(&c, line, out))
            break;
    free(line);
    fclose(in);
    fclose(out);
    for (int i = 0; i < CACHE_SLOTS; i++)
        entry_free(c.slots[i]);
}

int main(int argc, char **argv)
{
    int port = argc > 1 ? atoi(argv[1]) : 47016;
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) {
        perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(s, 4) < 0) {
        perror("bind/listen");
        close(s);
        return 1;
    }
    int fd = accept(s, NULL, NULL);
    if (fd >= 0)
        serve(fd);
    close(s);
    return 0;
}
