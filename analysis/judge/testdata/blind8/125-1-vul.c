/* Prints numbered messages from a text message catalog; the catalog path comes from MSGCAT_PATH. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CATALOG (256 * 1024)

struct catalog {
    char *text;
    char **msgs;
    size_t count;
};

static char *read_all(FILE *fp, size_t *len)
{
    size_t cap = 1024, used = 0;
    char *buf = malloc(cap + 1);
    if (!buf)
        return NULL;
    size_t n;
    while ((n = fread(buf + used, 1, cap - used, fp)) > 0) {
        used += n;
        if (used == cap) {
            if (cap >= MAX_CATALOG)
                break;
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    buf[used] = '\0';
    *len = used;
    return buf;
}

static int catalog_load(struct catalog *c, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    size_t len = 0;
    c->text = read_all(fp, &len);
    fclose(fp);
    if (!c->text)
        return -1;

    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        if (c->text[i] == '\n')
            lines++;
    if (len > 0 && c->text[len - 1] != '\n')
        lines++;

    c->msgs = malloc((lines ? lines : 1) * sizeof *c->msgs);
    if (!c->msgs) {
        free(c->text);
        return -1;
    }
    c->count = 0;
    char *save = NULL;
    for (char *line = strtok_r(c->text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t l = strlen(line);
        if (l > 0 && line[l - 1] == '\r')
            line[l - 1] = '\0';
        if (line[0] == '#')
            continue;
        c->msgs[c->count++] = line;
    }
    return 0;
}

static void catalog_free(struct catalog *c)
{
    free(c->msgs);
    free(c->text);
}

static const char *catalog_get(const struct catalog *c, unsigned long number)
{
    if (number > c->count)
        return NULL;
    return c->msgs[number - 1];
}

static int parse_number(const char *s, unsigned long *out)
{
    char *end;
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    *out = strtoul(s, &end, 10);
    if (errno || *end != '\0')
        return -1;
    return 0;
}

int main(int argc, char **argv)
{
    const char *path = getenv("MSGCAT_PATH");
    if (!path || !*path)
        path = "messages.cat";
    if (argc < 2) {
        fprintf(stderr, "usage: %s NUMBER...\n", argv[0]);
        return 2;
    }
    struct catalog cat;
    if (catalog_load(&cat, path) != 0) {
        fprintf(stderr, "cannot load catalog %s\n", path);
        return 1;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        unsigned long n;
        const char *msg;
        if (parse_number(argv[i], &n) != 0) {
            fprintf(stderr, "not a message number: %s\n", argv[i]);
            status = 1;
            continue;
        }
        msg = catalog_get(&cat, n);
        if (!msg) {
            fprintf(stderr, "no message %lu (catalog has %zu)\n", n, cat.count);
            status = 1;
            continue;
        }
        printf("%lu: %s\n", n, msg);
    }
    catalog_free(&cat);
    return status;
}
