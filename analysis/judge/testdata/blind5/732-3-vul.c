/* Saves the access token from VAULT_TOKEN into the token cache, keeping a backup of the previous token. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct token_paths {
    char dir[512];
    char current[600];
    char backup[600];
};

static int build_paths(struct token_paths *p)
{
    const char *base = getenv("TOKEN_CACHE_DIR");
    const char *home = getenv("HOME");
    int n;
    if (base && *base)
        n = snprintf(p->dir, sizeof(p->dir), "%s", base);
    else if (home && *home)
        n = snprintf(p->dir, sizeof(p->dir), "%s/.vault", home);
    else
        return -1;
    if (n < 0 || (size_t)n >= sizeof(p->dir))
        return -1;
    n = snprintf(p->current, sizeof(p->current), "%s/token", p->dir);
    if (n < 0 || (size_t)n >= sizeof(p->current))
        return -1;
    n = snprintf(p->backup, sizeof(p->backup), "%s/token.bak", p->dir);
    if (n < 0 || (size_t)n >= sizeof(p->backup))
        return -1;
    return 0;
}

static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    if (!in)
        return errno == ENOENT ? 0 : -1;
    FILE *out = fopen(to, "wb");
    if (!out) {
        fclose(in);
        return -1;
    }
    char buf[4096];
    size_t n;
    int rc = 0;
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
        if (fwrite(buf, 1, n, out) != n) {
            rc = -1;
            break;
        }
    }
    if (ferror(in))
        rc = -1;
    fclose(in);
    if (fclose(out) != 0)
        rc = -1;
    return rc;
}

static int write_token(const char *path, const char *token)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return -1;
    if (fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        close(fd);
        return -1;
    }
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        return -1;
    }
    fprintf(f, "%s\n", token);
    return fclose(f);
}

static int valid_token(const char *t)
{
    size_t n = strlen(t);
    if (n < 8 || n > 256)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] <= ' ' || t[i] > '~')
            return 0;
    return 1;
}

int main(void)
{
    const char *token = getenv("VAULT_TOKEN");
    if (!token || !valid_token(token)) {
        fprintf(stderr, "VAULT_TOKEN missing or malformed\n");
        return 2;
    }
    struct token_paths paths;
    if (build_paths(&paths) != 0) {
        fprintf(stderr, "cannot determine token cache directory\n");
        return 2;
    }
    if (mkdir(paths.dir, S_IRWXU) != 0 && errno != EEXIST) {
        perror(paths.dir);
        return 1;
    }
    if (copy_file(paths.current, paths.backup) != 0) {
        fprintf(stderr, "cannot back up %s\n", paths.current);
        return 1;
    }
    if (write_token(paths.current, token) != 0) {
        perror(paths.current);
        return 1;
    }
    printf("token saved to %s\n", paths.current);
    return 0;
}
