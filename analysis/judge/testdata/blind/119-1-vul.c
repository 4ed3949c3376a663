/* Config loader: reads key=value lines from a file and applies the known settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct settings {
    int port;
    int workers;
    char logfile[128];
};

static void apply(struct settings *s, const char *key, const char *value)
{
    if (strcmp(key, "port") == 0)
        s->port = atoi(value);
    else if (strcmp(key, "workers") == 0)
        s->workers = atoi(value);
    else if (strcmp(key, "logfile") == 0)
        snprintf(s->logfile, sizeof s->logfile, "%s", value);
    else
        fprintf(stderr, "unknown key '%s'\n", key);
}

static int parse_line(struct settings *s, const char *line)
{
    char key[16];
    size_t i = 0;
    while (line[i] && line[i] != '=' && line[i] != '\n') {
        key[i] = line[i];
        i++;
    }
    key[i] = '\0';
    if (line[i] != '=')
        return -1;
    char value[256];
    snprintf(value, sizeof value, "%s", line + i + 1);
    value[strcspn(value, "\r\n")] = '\0';
    apply(s, key, value);
    return 0;
}

int main(int argc, char **argv)
{
    struct settings s = { 8080, 4, "server.log" };
    FILE *fp = fopen(argc > 1 ? argv[1] : "server.conf", "r");
    char line[512];
    if (!fp) {
        perror("config");
        return 1;
    }
    while (fgets(line, sizeof line, fp))
        if (line[0] != '#' && line[0] != '\n' && parse_line(&s, line) != 0)
            fprintf(stderr, "malformed: %s", line);
    fclose(fp);
    printf("port=%d workers=%d logfile=%s\n", s.port, s.workers, s.logfile);
    return 0;
}
