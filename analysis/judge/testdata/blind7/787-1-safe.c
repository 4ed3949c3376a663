/* Reads a key = value configuration file and prints the resulting server settings. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct settings {
    char *hostname;
    char *log_dir;
    long port;
    long workers;
};

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && isspace((unsigned char)*p))
        p++;
    return p;
}

static const char *trim_end(const char *start, const char *end)
{
    while (end > start && isspace((unsigned char)end[-1]))
        end--;
    return end;
}

static size_t copy_token(char *dst, size_t dstsz, const char *start, const char *end)
{
    size_t len = (size_t)(end - start);
    if (len >= dstsz)
        len = dstsz - 1;
    memcpy(dst, start, len);
    dst[len] = '\0';
    return len;
}

static int set_string(char **field, const char *value)
{
    char *copy = strdup(value);
    if (copy == NULL)
        return -1;
    free(*field);
    *field = copy;
    return 0;
}

static int apply_setting(struct settings *s, const char *key, const char *value)
{
    if (strcmp(key, "hostname") == 0)
        return set_string(&s->hostname, value);
    if (strcmp(key, "log_dir") == 0)
        return set_string(&s->log_dir, value);
    if (strcmp(key, "port") == 0 || strcmp(key, "workers") == 0) {
        char *endp;
        long v = strtol(value, &endp, 10);
        if (*endp != '\0' || v <= 0 || v > 65535)
            return -1;
        if (key[0] == 'p')
            s->port = v;
        else
            s->workers = v;
        return 0;
    }
    fprintf(stderr, "ignoring unknown key '%s'\n", key);
    return 0;
}

static int parse_line(struct settings *s, const char *line)
{
    char key[32];
    char value[128];
    const char *end = line + strlen(line);
    const char *p = skip_space(line, end);

    if (p == end || *p == '#' || *p == ';')
        return 0;
    const char *eq = memchr(p, '=', (size_t)(end - p));
    if (eq == NULL)
        return -1;
    copy_token(key, sizeof key, p, trim_end(p, eq));
    const char *v = skip_space(eq + 1, end);
    copy_token(value, sizeof value, v, trim_end(v, end));
    return apply_setting(s, key, value);
}

static int load_settings(struct settings *s, const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    char line[512];
    int lineno = 0, errors = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        lineno++;
        if (parse_line(s, line) != 0) {
            fprintf(stderr, "%s:%d: invalid line\n", path, lineno);
            errors++;
        }
    }
    fclose(f);
    return errors ? -1 : 0;
}

int main(int argc, char **argv)
{
    struct settings s = { NULL, NULL, 8080, 4 };
    if (argc != 2) {
        fprintf(stderr, "usage: %s CONFIG\n", argv[0]);
        return 2;
    }
    int rc = load_settings(&s, argv[1]);
    printf("hostname = %s\n", s.hostname ? s.hostname : "(unset)");
    printf("log_dir  = %s\n", s.log_dir ? s.log_dir : "(unset)");
    printf("port     = %ld\n", s.port);
    printf("workers  = %ld\n", s.workers);
    free(s.hostname);
    free(s.log_dir);
    return rc == 0 ? 0 : 1;
}
