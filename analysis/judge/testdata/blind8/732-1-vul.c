/* Reads an API token from stdin and stores it with a user name in a credentials file. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_TOKEN 256
#define MAX_USER 64

struct credential {
    char user[MAX_USER];
    char token[MAX_TOKEN];
};

static int valid_user(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= MAX_USER)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
            return 0;
    }
    return 1;
}

static int read_token(FILE *in, char *out, size_t cap)
{
    if (!fgets(out, (int)cap, in))
        return -1;
    size_t n = strcspn(out, "\r\n");
    out[n] = '\0';
    if (n == 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (out[i] == '=' || out[i] < 0x21 || out[i] > 0x7e)
            return -1;
    }
    return 0;
}

static FILE *open_credentials(const char *path)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        return NULL;
    return fp;
}

static int save_credential(const char *path, const struct credential *cred)
{
    FILE *fp = open_credentials(path);
    if (!fp) {
        fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    int rc = 0;
    if (fprintf(fp, "user=%s\ntoken=%s\n", cred->user, cred->token) < 0)
        rc = -1;
    if (fclose(fp) != 0)
        rc = -1;
    return rc;
}

int main(int argc, char **argv)
{
    struct credential cred;

    if (argc != 3) {
        fprintf(stderr, "usage: %s CREDFILE USER < token\n", argv[0]);
        return 2;
    }
    if (!valid_user(argv[2])) {
        fprintf(stderr, "invalid user name\n");
        return 2;
    }
    memset(&cred, 0, sizeof cred);
    memcpy(cred.user, argv[2], strlen(argv[2]) + 1);

    if (read_token(stdin, cred.token, sizeof cred.token) != 0) {
        fprintf(stderr, "no valid token on stdin\n");
        return 1;
    }
    if (save_credential(argv[1], &cred) != 0)
        return 1;
    printf("stored token for %s in %s\n", cred.user, argv[1]);
    return 0;
}
