// Request logger: parses "peer method path" lines from stdin into session records and prints a per-method summary.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct session {
    unsigned id;
    char peer[64];
    char method[8];
    char *path;
};

static unsigned next_id = 1;

static struct session *session_new(const char *peer)
{
    struct session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->id = next_id++;
    snprintf(s->peer, sizeof s->peer, "%s", peer);
    return s;
}

static void session_free(struct session *s)
{
    free(s->path);
    free(s);
}

static int session_parse(struct session *s, const char *line)
{
    char method[16], path[256];
    if (sscanf(line, "%*63s %15s %255s", method, path) != 2)
        return -1;
    if (strcmp(method, "GET") != 0 && strcmp(method, "POST") != 0 && strcmp(method, "HEAD") != 0)
        return -1;
    snprintf(s->method, sizeof s->method, "%s", method);
    s->path = strdup(path);
    return s->path ? 0 : -1;
}

static struct session *handle_line(const char *line)
{
    char peer[64];
    struct session *s;

    if (sscanf(line, "%63s", peer) != 1)
        return NULL;
    s = session_new(peer);
    if (!s)
        return NULL;
    if (session_parse(s, line) < 0) {
        fprintf(stderr, "session %u: rejected request from %s\n", s->id, s->peer);
        session_free(s);
        return NULL;
    }
    return s;
}

int main(void)
{
    char line[512];
    unsigned gets = 0, others = 0, rejected = 0;

    while (fgets(line, sizeof line, stdin)) {
        struct session *s = handle_line(line);
        if (!s) {
            rejected++;
            continue;
        }
        if (strcmp(s->method, "GET") == 0)
            gets++;
        else
            others++;
        printf("%u %s %s %s\n", s->id, s->peer, s->method, s->path);
        session_free(s);
    }
    printf("GET %u, other %u, rejected %u\n", gets, others, rejected);
    return 0;
}
