/* Serves a small in-memory key/value store over a line protocol on a loopback TCP port. */
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
    struct entry *recent;
};

static struct entry *store_find(struct store *s, const char *key)
{
    for (struct entry *e = s->head; e; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

static void entry_free(struct entry *e)
{
    free(e->key);
    free(e->value);
    free(e);
}

static int store_set(struct store *s, const char *key, const char *value)
{
    char *v = strdup(value);
    if (!v)
        return -1;
    struct entry *e = store_find(s, key);
    if (e) {
        free(e->value);
        e->value = v;
        s->recent = e;
        return 0;
    }
    e = calloc(1, sizeof(*e));
    if (!e || !(e->key = strdup(key))) {
        free(e);
        free(v);
        return -1;
    }
    e->value = v;
    e->next = s->head;
    s->head = e;
    s->recent = e;
    return 0;
}

static int store_del(struct store *s, const char *key)
{
    for (struct entry **pp = &s->head; *pp; pp = &(*pp)->next) {
        struct entry *e = *pp;
        if (strcmp(e->key, key) == 0) {
            *pp = e->next;
            if (s->recent == e)
                s->recent = NULL;
            entry_free(e);
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
        entry_free(e);
    }
    s->recent = NULL;
}

static void chomp(char *line)
{
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
}

static int handle_line(struct store *s, char *line, FILE *out)
{
    char *save = NULL;
    char *cmd = strtok_r(line, " ", &save);
    char *key = cmd ? strtok_r(NULL, " ", &save) : NULL;
    char *rest = key ? strtok_r(NULL, "", &save) : NULL;

    if (!cmd)
        return 1;
    if (strcmp(cmd, "SET") == 0 && key && rest) {
        fputs(store_set(s, key, rest) == 0 ? "OK\n" : "ERR memory\n", out);
    } else if (strcmp(cmd, "GET") == 0 && key) {
        struct entry *e = store_find(s, key);
        if (e) {
            s->recent = e;
            fprintf(out, "VALUE %s\n", e->value);
        } else {
            fputs("NOTFOUND\n", out);
        }
    } else if (strcmp(cmd, "DEL") == 0 && key) {
        fputs(store_del(s, key) == 0 ? "OK\n" : "NOTFOUND\n", out);
    } else if (strcmp(cmd, "AGAIN") == 0) {
        if (s->recent)
            fprintf(out, "VALUE %s %s\n", s->recent->key, s->recent->value);
        else
            fputs("NONE\n", out);
    } else if (strcmp(cmd, "QUIT") == 0) {
        return 0;
    } else if (strcmp(cmd, "SHUTDOWN") == 0) {
        return -1;
    } else {
        fputs("ERR syntax\n", out);
    }
    return 1;
}

static int serve_client(struct store *s, int fd)
{
    int wfd = dup(fd);
    FILE *in = fdopen(fd, "r");
    FILE *out = wfd >= 0 ? fdopen(wfd, "w") : NULL;
    int rc = 1;
    char line[1024];

    if (!in || !out) {
        if (in) fclose(in); else close(fd);
        if (out) fclose(out); else if (wfd >= 0) close(wfd);
        return 1;
    }
    while (rc > 0 && fgets(line, sizeof(line), in)) {
        chomp(line);
        rc = handle_line(s, line, out);
        fflush(out);
    }
    fclose(in);
    fclose(out);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    char *end = NULL;
    long port = strtol(argv[1], &end, 10);
    if (!end || *end || port < 1 || port > 65535) {
        fprintf(stderr, "bad port %s\n", argv[1]);
        return 2;
    }
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    if (ls < 0) {
        perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(ls, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(ls, 4) < 0) {
        perror("bind/listen");
        close(ls);
        return 1;
    }
    struct store st = {0};
    for (;;) {
        int c = accept(ls, NULL, NULL);
        if (c < 0) {
            perror("accept");
            break;
        }
        if (serve_client(&st, c) < 0)
            break;
    }
    store_clear(&st);
    close(ls);
    return 0;
}
