// Settings reader: parses "key=value" lines from stdin and prints the recognised service settings.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_MAX 16
#define VAL_MAX 128

struct settings {
    int port;
    int workers;
    char name[VAL_MAX];
};

static int parse_line(const char *line, char key[KEY_MAX], char val[VAL_MAX])
{
    const char *eq = strchr(line, '=');
    size_t klen, vlen;

    if (!eq || line[0] == '#')
        return -1;
    klen = (size_t)(eq - line);
    vlen = strcspn(eq + 1, "\r\n");
    if (klen >= KEY_MAX || vlen >= VAL_MAX)
        return -1;
    memcpy(key, line, klen);
    key[klen] = '\0';
    memcpy(val, eq + 1, vlen);
    val[vlen] = '\0';
    return 0;
}

static void apply(struct settings *s, const char *key, const char *val)
{
    if (strcmp(key, "port") == 0)
        s->port = atoi(val);
    else if (strcmp(key, "workers") == 0)
        s->workers = atoi(val);
    else if (strcmp(key, "name") == 0)
        snprintf(s->name, sizeof s->name, "%s", val);
    else
        fprintf(stderr, "ignoring unknown key '%s'\n", key);
}

int main(void)
{
    struct settings s = {8080, 4, "default"};
    char line[512];
    char key[KEY_MAX];
    char val[VAL_MAX];

    while (fgets(line, sizeof line, stdin)) {
        if (parse_line(line, key, val) != 0)
            continue;
        apply(&s, key, val);
    }
    printf("name=%s port=%d workers=%d\n", s.name, s.port, s.workers);
    return 0;
}
