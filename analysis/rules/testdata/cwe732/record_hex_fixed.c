// Makes a new session token from /dev/urandom and saves it in hex to
// session.txt: the token is kept in a record named for what it is, and
// the file is made with open() for its owner only.
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

struct session_token {
    unsigned char raw[16];
    char user[32];
};

static void encode(const unsigned char *in, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 0x0f];
    }
    out[2 * n] = '\0';
}

static int save(const struct session_token *tok)
{
    char hex[2 * sizeof tok->raw + 1];
    encode(tok->raw, sizeof tok->raw, hex);
    int fd = open("session.txt", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    FILE *fp = fdopen(fd, "w");
    if (fp == NULL) {
        close(fd);
        return -1;
    }
    fprintf(fp, "%s\n", hex);
    return fclose(fp);
}

int main(void)
{
    struct session_token tok = {{0}, "demo"};
    FILE *rnd = fopen("/dev/urandom", "rb");
    if (rnd == NULL || fread(tok.raw, 1, sizeof tok.raw, rnd) != sizeof tok.raw)
        return 1;
    fclose(rnd);
    return save(&tok) == 0 ? 0 : 1;
}
