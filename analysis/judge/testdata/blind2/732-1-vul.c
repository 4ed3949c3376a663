/* Stores the deployment API session token in the user's config directory for later commands. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct token_store {
    char dir[PATH_MAX];
    char path[PATH_MAX];
};

static int store_init(struct token_store *ts)
{
    const char *base = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char tmp[PATH_MAX];

    if (base && *base)
        snprintf(tmp, sizeof tmp, "%s", base);
    else if (home && *home)
        snprintf(tmp, sizeof tmp, "%s/.config", home);
    else
        return -1;
    if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
        return -1;
    snprintf(ts->dir, sizeof ts->dir, "%.*s/deploy", PATH_MAX - 8, tmp);
    if (mkdir(ts->dir, 0755) < 0 && errno != EEXIST)
        return -1;
    snprintf(ts->path, sizeof ts->path, "%.*s/token", PATH_MAX - 8, ts->dir);
    return 0;
}

static int store_save(const struct token_store *ts, const char *token)
{
    FILE *f = fopen(ts->path, "w");

    if (!f)
        return -1;
    fprintf(f, "%s\n", token);
    return fclose(f) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    struct token_store ts;
    const char *token = argc > 1 ? argv[1] : getenv("DEPLOY_TOKEN");

    if (!token || strlen(token) < 16) {
        fprintf(stderr, "usage: %s TOKEN (or set DEPLOY_TOKEN)\n", argv[0]);
        return 2;
    }
    if (store_init(&ts) < 0 || store_save(&ts, token) < 0) {
        perror("saving token");
        return 1;
    }
    printf("token saved to %s\n", ts.path);
    return 0;
}
