// Answers echo requests on stdin: a 2-byte big-endian length, then the
// data to send back. The length is checked against the largest echo
// the program allows and against the bytes the request holds after its
// header.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER 2
#define MAX_ECHO 1024

struct request {
    unsigned char data[2048];
    size_t len;
};

static unsigned char *make_echo(const unsigned char *payload, size_t n)
{
    unsigned char *out = malloc(n + 1);
    if (out == NULL) {
        return NULL;
    }
    memcpy(out, payload, n);
    return out;
}

int main(void)
{
    struct request req;
    req.len = fread(req.data, 1, sizeof req.data, stdin);
    if (req.len < HEADER) {
        return 1;
    }
    size_t n = (size_t)req.data[0] << 8 | req.data[1];
    if (n > MAX_ECHO || n > req.len - HEADER) {
        return 1;
    }
    unsigned char *reply = make_echo(req.data + HEADER, n);
    if (reply == NULL) {
        return 1;
    }
    fwrite(reply, 1, n, stdout);
    free(reply);
    return 0;
}
