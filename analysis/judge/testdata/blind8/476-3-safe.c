/* Reads a host list file of "name address[:port] [weight]" lines and prints the resolved targets. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#define DEFAULT_PORT 80

struct target {
    char name[64];
    char address[64];
    unsigned port;
    unsigned weight;
};

static char *skip_space(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static int parse_uint(const char *s, unsigned min, unsigned max, unsigned *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end != '\0' || v < min || v > max)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static int split_hostport(char *addr, struct target *t)
{
    char *colon = strchr(addr, ':');
    if (!colon) {
        t->port = DEFAULT_PORT;
    } else {
        *colon = '\0';
        if (parse_uint(colon + 1, 1, 65535, &t->port) != 0)
            return -1;
    }
    if (strlen(addr) >= sizeof t->address || addr[0] == '\0')
        return -1;
    strcpy(t->address, addr);
    return 0;
}

static int parse_target(char *line, struct target *t)
{
    char *save = NULL;
    char *name = strtok_r(line, " \t", &save);
    char *addr = strtok_r(NULL, " \t", &save);
    char *weight = strtok_r(NULL, " \t", &save);
    if (!name || !addr)
        return -1;
    if (strlen(name) >= sizeof t->name)
        return -1;
    strcpy(t->name, name);
    if (split_hostport(addr, t) != 0)
        return -1;
    t->weight = 1;
    if (weight && parse_uint(weight, 1, 100, &t->weight) != 0)
        return -1;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s HOSTFILE\n", argv[0]);
        return 2;
    }
    FILE *fp = fopen(argv[1], "r");
    if (!fp) {
        perror(argv[1]);
        return 1;
    }
    char line[256];
    unsigned lineno = 0, total_weight = 0, count = 0;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        char *p = skip_space(line);
        if (*p == '\0' || *p == '#')
            continue;
        struct target t;
        memset(&t, 0, sizeof t);
        if (parse_target(p, &t) != 0) {
            fprintf(stderr, "%s:%u: malformed entry\n", argv[1], lineno);
            continue;
        }
        printf("%-16s %s port %u weight %u\n", t.name, t.address, t.port, t.weight);
        total_weight += t.weight;
        count++;
    }
    fclose(fp);
    printf("%u target(s), total weight %u\n", count, total_weight);
    return 0;
}
