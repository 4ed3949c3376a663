/* Reads an INI-style service configuration and prints the effective settings. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct service_config {
    char name[64];
    int port;
    int workers;
    int verbose;
};

static char *trim(char *s)
{
    char *end;

    while (isspace((unsigned char)*s))
        s++;
    end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1]))
        *--end = '\0';
    return s;
}

static void apply(struct service_config *c, const char *key, const char *val)
{
    if (strcmp(key, "name") == 0)
        snprintf(c->name, sizeof c->name, "%s", val);
    else if (strcmp(key, "port") == 0)
        c->port = atoi(val);
    else if (strcmp(key, "workers") == 0)
        c->workers = atoi(val);
    else if (strcmp(key, "verbose") == 0)
        c->verbose = strcmp(val, "yes") == 0 || strcmp(val, "1") == 0;
    else
        fprintf(stderr, "unknown key '%s'\n", key);
}

static int load_config(const char *path, struct service_config *c)
{
    char line[256];
    int lineno = 0;
    FILE *f = fopen(path, "r");

    if (!f)
        return -1;
    while (fgets(line, sizeof line, f)) {
        char *p = trim(line), *eq, *val;
        lineno++;
        if (*p == '\0' || *p == '#' || *p == ';' || *p == '[')
            continue;
        eq = strchr(p, '=');
        if (!eq) {
            fprintf(stderr, "%s:%d: expected key = value\n", path, lineno);
            continue;
        }
        val = eq + 1;
        *eq = '\0';
        apply(c, trim(p), trim(val));
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    struct service_config cfg = { "service", 8080, 4, 0 };
    const char *path = argc > 1 ? argv[1] : getenv("SERVICE_CONFIG");

    if (path && load_config(path, &cfg) < 0) {
        perror(path);
        return 1;
    }
    printf("name=%s port=%d workers=%d verbose=%d\n", cfg.name, cfg.port, cfg.workers, cfg.verbose);
    return 0;
}
