// Makes a new session token from /dev/urandom and saves it in hex to
// session.txt: the token is kept in a record named for what it is, and
// the file is made with fopen, readable by group and others under the
// usual umask.
#include <stdio.h>

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
    FILE *fp = fopen("session.txt", "w"); // want CWE-732
    if (fp == NULL)
        return -1;
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
