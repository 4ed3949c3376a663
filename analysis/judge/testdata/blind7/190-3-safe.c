/* CGI feedback form: reads a url-encoded POST body, appends the decoded comment to a log and reports the fields seen. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BODY 8192
#define READ_CHUNK 1024

struct request {
    char *body;
    size_t len;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Decodes %XX and '+' in place; returns the new length. */
static size_t url_decode(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == '+') {
            *w++ = ' ';
        } else if (*r == '%' && hexval(r[1]) >= 0 && hexval(r[2]) >= 0) {
            *w++ = (char)(hexval(r[1]) * 16 + hexval(r[2]));
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return (size_t)(w - s);
}

static int parse_length(const char *s, size_t *out)
{
    char *end;
    if (!s || !*s)
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end != '\0')
        return -1;
    *out = (size_t)v;
    return 0;
}

static int read_body(struct request *req)
{
    size_t len;
    if (parse_length(getenv("CONTENT_LENGTH"), &len) != 0)
        return -1;
    if (len >= MAX_BODY)
        return -1;
    req->body = malloc(len + 1);
    if (!req->body)
        return -1;
    size_t got = 0;
    while (got < len) {
        size_t want = len - got < READ_CHUNK ? len - got : READ_CHUNK;
        size_t n = fread(req->body + got, 1, want, stdin);
        if (n == 0)
            break;
        got += n;
    }
    req->body[got] = '\0';
    req->len = got;
    return 0;
}

static void log_comment(const char *comment)
{
    const char *path = getenv("FEEDBACK_LOG");
    FILE *f = fopen(path && *path ? path : "feedback.log", "a");
    if (!f)
        return;
    for (const char *p = comment; *p; p++)
        fputc(isprint((unsigned char)*p) ? *p : '?', f);
    fputc('\n', f);
    fclose(f);
}

static int handle_fields(struct request *req)
{
    int fields = 0;
    char *save = NULL;
    for (char *pair = strtok_r(req->body, "&", &save); pair; pair = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(pair, '=');
        if (!eq)
            continue;
        *eq = '\0';
        url_decode(pair);
        url_decode(eq + 1);
        if (strcmp(pair, "comment") == 0)
            log_comment(eq + 1);
        fields++;
    }
    return fields;
}

int main(void)
{
    struct request req = { NULL, 0 };
    const char *method = getenv("REQUEST_METHOD");
    if (!method || strcmp(method, "POST") != 0) {
        printf("Status: 405 Method Not Allowed\r\nContent-Type: text/plain\r\n\r\nPOST only\n");
        return 0;
    }
    if (read_body(&req) != 0) {
        printf("Status: 400 Bad Request\r\nContent-Type: text/plain\r\n\r\nbad request body\n");
        return 0;
    }
    size_t len = req.len;
    int fields = handle_fields(&req);
    printf("Status: 200 OK\r\nContent-Type: text/plain\r\n\r\n");
    printf("received %zu bytes, %d fields\n", len, fields);
    free(req.body);
    return 0;
}
