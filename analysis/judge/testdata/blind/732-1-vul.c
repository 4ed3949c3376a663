/* CLI login helper: reads an API token from stdin and stores it in the user's credentials file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct credentials {
    char user[64];
    char token[256];
};

static int credentials_path(char *out, size_t cap)
{
    const char *dir = getenv("APPCLI_HOME");
    if (!dir)
        dir = getenv("HOME");
    if (!dir)
        return -1;
    return snprintf(out, cap, "%s/.appcli_credentials", dir) < (int)cap ? 0 : -1;
}

static int save_credentials(const char *path, const struct credentials *c)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    fprintf(fp, "[default]\nuser = %s\ntoken = %s\n", c->user, c->token);
    return fclose(fp);
}

int main(int argc, char **argv)
{
    struct credentials c;
    char path[512];
    snprintf(c.user, sizeof c.user, "%s", argc > 1 ? argv[1] : "default");
    fprintf(stderr, "API token for %s: ", c.user);
    if (!fgets(c.token, sizeof c.token, stdin)) {
        fprintf(stderr, "no token given\n");
        return 1;
    }
    c.token[strcspn(c.token, "\r\n")] = '\0';
    if (credentials_path(path, sizeof path) != 0 || save_credentials(path, &c) != 0) {
        fprintf(stderr, "could not save credentials: %s\n", strerror(errno));
        return 1;
    }
    fprintf(stderr, "saved to %s\n", path);
    return 0;
}
