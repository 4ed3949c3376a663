/* Reads an HTTP request head from stdin and prints which virtual host, port and path it is for. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_HEADERS 32

struct header {
    char name[64];
    char value[256];
};

struct request {
    char method[16];
    char path[256];
    char version[16];
    struct header headers[MAX_HEADERS];
    size_t nheaders;
};

static void chomp(char *s)
{
    s[strcspn(s, "\r\n")] = '\0';
}

static int parse_request_line(char *line, struct request *req)
{
    char *save = NULL;
    char *m = strtok_r(line, " ", &save);
    char *p = strtok_r(NULL, " ", &save);
    char *v = strtok_r(NULL, " ", &save);
    if (m == NULL || p == NULL || v == NULL)
        return -1;
    if (strlen(m) >= sizeof(req->method) || strlen(p) >= sizeof(req->path) ||
        strlen(v) >= sizeof(req->version))
        return -1;
    strcpy(req->method, m);
    strcpy(req->path, p);
    strcpy(req->version, v);
    return 0;
}

static int parse_header(char *line, struct header *h)
{
    char *colon = strchr(line, ':');
    if (colon == NULL || colon == line)
        return -1;
    size_t nlen = (size_t)(colon - line);
    if (nlen >= sizeof(h->name))
        return -1;
    memcpy(h->name, line, nlen);
    h->name[nlen] = '\0';
    const char *val = colon + 1;
    val += strspn(val, " \t");
    snprintf(h->value, sizeof(h->value), "%s", val);
    return 0;
}

static const char *find_header(const struct request *req, const char *name)
{
    for (size_t i = 0; i < req->nheaders; i++)
        if (strcasecmp(req->headers[i].name, name) == 0)
            return req->headers[i].value;
    return NULL;
}

static void split_host(const char *host, char *name, size_t nsize, long *port)
{
    const char *colon = strchr(host, ':');
    size_t len = colon != NULL ? (size_t)(colon - host) : strlen(host);
    if (len >= nsize)
        len = nsize - 1;
    memcpy(name, host, len);
    name[len] = '\0';
    *port = 80;
    if (colon != NULL) {
        char *end = NULL;
        long p = strtol(colon + 1, &end, 10);
        if (end != colon + 1 && *end == '\0' && p > 0 && p <= 65535)
            *port = p;
    }
}

static int read_request(FILE *in, struct request *req)
{
    char line[512];
    if (fgets(line, sizeof(line), in) == NULL)
        return -1;
    chomp(line);
    if (parse_request_line(line, req) != 0)
        return -1;
    while (fgets(line, sizeof(line), in) != NULL) {
        chomp(line);
        if (line[0] == '\0')
            break;
        if (req->nheaders == MAX_HEADERS)
            return -1;
        if (parse_header(line, &req->headers[req->nheaders]) == 0)
            req->nheaders++;
    }
    return 0;
}

int main(void)
{
    static struct request req;
    if (read_request(stdin, &req) != 0) {
        printf("400 Bad Request\n");
        return 1;
    }
    const char *host = find_header(&req, "Host");
    if (host == NULL || host[0] == '\0') {
        printf("400 Bad Request: no Host header\n");
        return 1;
    }
    char vhost[128];
    long port;
    split_host(host, vhost, sizeof(vhost), &port);
    printf("method:  %s\n", req.method);
    printf("vhost:   %s\n", vhost);
    printf("port:    %ld\n", port);
    printf("path:    %s\n", req.path);
    printf("headers: %zu\n", req.nheaders);
    return 0;
}
