/* Serves a small line-based note protocol (LOGIN, NOTE, SHOW, LOGOUT, SHUTDOWN) on a loopback TCP port. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct session {
    int id;
    char user[32];
    char note[128];
    struct session *next;
};

static struct session *sessions;
static int next_id = 1;

static struct session *session_open(const char *user)
{
    struct session *s = calloc(1, sizeof(*s));
    if (s == NULL)
        return NULL;
    s->id = next_id++;
    snprintf(s->user, sizeof(s->user), "%s", user);
    s->next = sessions;
    sessions = s;
    return s;
}

static void session_close(struct session *s)
{
    struct session **pp = &sessions;
    while (*pp != NULL && *pp != s)
        pp = &(*pp)->next;
    if (*pp == s)
        *pp = s->next;
    free(s);
}

enum { KEEP_GOING, END_CLIENT, END_SERVER };

static int handle_line(char *line, struct session **cur, char *reply, size_t rlen)
{
    line[strcspn(line, "\r\n")] = '\0';
    char *arg = strchr(line, ' ');
    if (arg != NULL)
        *arg++ = '\0';

    if (strcmp(line, "LOGIN") == 0 && arg != NULL && *arg != '\0') {
        if (*cur != NULL) {
            snprintf(reply, rlen, "ERR already logged in\n");
            return KEEP_GOING;
        }
        *cur = session_open(arg);
        if (*cur == NULL)
            snprintf(reply, rlen, "ERR no memory\n");
        else
            snprintf(reply, rlen, "OK session %d\n", (*cur)->id);
    } else if (strcmp(line, "NOTE") == 0 && arg != NULL) {
        if (*cur == NULL) {
            snprintf(reply, rlen, "ERR not logged in\n");
            return KEEP_GOING;
        }
        snprintf((*cur)->note, sizeof((*cur)->note), "%s", arg);
        snprintf(reply, rlen, "OK\n");
    } else if (strcmp(line, "SHOW") == 0) {
        if (*cur == NULL)
            snprintf(reply, rlen, "ERR not logged in\n");
        else
            snprintf(reply, rlen, "NOTE %s: %s\n", (*cur)->user, (*cur)->note);
    } else if (strcmp(line, "LOGOUT") == 0) {
        if (*cur == NULL) {
            snprintf(reply, rlen, "ERR not logged in\n");
            return KEEP_GOING;
        }
        session_close(*cur);
        *cur = NULL;
        snprintf(reply, rlen, "BYE\n");
    } else if (strcmp(line, "QUIT") == 0) {
        snprintf(reply, rlen, "BYE\n");
        return END_CLIENT;
    } else if (strcmp(line, "SHUTDOWN") == 0) {
        snprintf(reply, rlen, "BYE\n");
        return END_SERVER;
    } else {
        snprintf(reply, rlen, "ERR unknown command\n");
    }
    return KEEP_GOING;
}

static int serve_client(int fd)
{
    FILE *in = fdopen(fd, "r");
    if (in == NULL) {
        close(fd);
        return KEEP_GOING;
    }
    struct session *cur = NULL;
    char line[256], reply[256];
    int rc = KEEP_GOING;
    while (rc == KEEP_GOING && fgets(line, sizeof(line), in) != NULL) {
        rc = handle_line(line, &cur, reply, sizeof(reply));
        if (write(fd, reply, strlen(reply)) < 0)
            break;
    }
    if (cur != NULL) {
        fprintf(stderr, "client left, closing session of %s\n", cur->user);
        session_close(cur);
    }
    fclose(in);
    return rc == END_SERVER ? END_SERVER : KEEP_GOING;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "bad port\n");
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
    for (;;) {
        int c = accept(ls, NULL, NULL);
        if (c < 0)
            continue;
        if (serve_client(c) == END_SERVER)
            break;
    }
    close(ls);
    while (sessions != NULL)
        session_close(sessions);
    return 0;
}
