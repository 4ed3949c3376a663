/* Line-protocol notes server on 127.0.0.1: answers "LIST <owner>" with that owner's public note titles from sqlite3. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <sqlite3.h>

#define LINE_MAX_LEN 256

struct client {
    int fd;
    char buf[LINE_MAX_LEN];
    size_t used;
};

static int send_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, data, len, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

static int send_str(int fd, const char *s)
{
    return send_all(fd, s, strlen(s));
}

/* Reads one '\n'-terminated line into line (without the newline). Returns 1, 0 on EOF, -1 on error. */
static int read_line(struct client *c, char *line, size_t linesz)
{
    for (;;) {
        char *nl = memchr(c->buf, '\n', c->used);
        if (nl != NULL) {
            size_t len = (size_t)(nl - c->buf);
            if (len > 0 && c->buf[len - 1] == '\r')
                len--;
            if (len >= linesz)
                len = linesz - 1;
            memcpy(line, c->buf, len);
            line[len] = '\0';
            size_t consumed = (size_t)(nl - c->buf) + 1;
            memmove(c->buf, c->buf + consumed, c->used - consumed);
            c->used -= consumed;
            return 1;
        }
        if (c->used == sizeof c->buf)
            return -1;
        ssize_t n = recv(c->fd, c->buf + c->used, sizeof c->buf - c->used, 0);
        if (n == 0)
            return 0;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        c->used += (size_t)n;
    }
}

static int list_notes(sqlite3 *db, int fd, const char *owner)
{
    char *sql = sqlite3_mprintf(
        "SELECT id, title FROM notes WHERE owner = '%q' AND private = 0 ORDER BY id;", owner);
    sqlite3_stmt *stmt = NULL;
    char row[LINE_MAX_LEN + 32];
    int count = 0;

    if (sql == NULL)
        return -1;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK)
        return -1;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const unsigned char *title = sqlite3_column_text(stmt, 1);
        snprintf(row, sizeof row, "%d %s\n", sqlite3_column_int(stmt, 0),
                 title ? (const char *)title : "");
        if (send_str(fd, row) < 0)
            break;
        count++;
    }
    sqlite3_finalize(stmt);
    return count;
}

static void serve_client(sqlite3 *db, int fd)
{
    struct client c = { .fd = fd, .used = 0 };
    char line[LINE_MAX_LEN];
    char reply[64];

    while (read_line(&c, line, sizeof line) == 1) {
        if (strncmp(line, "LIST ", 5) == 0 && line[5] != '\0') {
            int n = list_notes(db, fd, line + 5);
            if (n < 0)
                send_str(fd, "ERR query failed\n");
            else {
                snprintf(reply, sizeof reply, "OK %d\n", n);
                send_str(fd, reply);
            }
        } else if (strcmp(line, "QUIT") == 0) {
            send_str(fd, "BYE\n");
            break;
        } else {
            send_str(fd, "ERR unknown command\n");
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s DATABASE PORT [MAX_CLIENTS]\n", argv[0]);
        return 2;
    }
    long port = strtol(argv[2], NULL, 10);
    long max_clients = argc > 3 ? strtol(argv[3], NULL, 10) : 0;
    if (port < 1024 || port > 65535) {
        fprintf(stderr, "bad port\n");
        return 2;
    }

    sqlite3 *db = NULL;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open database\n");
        sqlite3_close(db);
        return 1;
    }

    int srv = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (srv < 0 || setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
        bind(srv, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(srv, 8) < 0) {
        perror("listen");
        sqlite3_close(db);
        return 1;
    }

    for (long served = 0; max_clients <= 0 || served < max_clients; served++) {
        int fd = accept(srv, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            perror("accept");
            break;
        }
        serve_client(db, fd);
        close(fd);
    }
    close(srv);
    sqlite3_close(db);
    return 0;
}
