/* Resolves host names to addresses from a hosts file, following alias chains, with a small lookup cache. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_CAP 2
#define MAX_HOPS 8

struct entry {
    char *key;
    char *value;
    struct entry *next;
};

struct cache {
    const char *path;
    struct entry *head;
    int count;
};

static void entry_free(struct entry *e)
{
    free(e->key);
    free(e->value);
    free(e);
}

static void cache_evict_tail(struct cache *c)
{
    struct entry **pp = &c->head;
    while (*pp && (*pp)->next)
        pp = &(*pp)->next;
    if (*pp) {
        entry_free(*pp);
        *pp = NULL;
        c->count--;
    }
}

static int load_from_file(const char *path, const char *key, char *out, size_t outsz)
{
    FILE *f = fopen(path, "r");
    char line[256], k[64], v[128];
    int found = 0;

    if (!f)
        return 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        if (sscanf(line, "%63s %127s", k, v) == 2 && strcmp(k, key) == 0) {
            snprintf(out, outsz, "%s", v);
            found = 1;
            break;
        }
    }
    fclose(f);
    return found;
}

static struct entry *cache_get(struct cache *c, const char *key)
{
    struct entry **pp, *e;
    char value[128];

    for (pp = &c->head; *pp; pp = &(*pp)->next) {
        if (strcmp((*pp)->key, key) == 0) {
            e = *pp;
            *pp = e->next;
            e->next = c->head;
            c->head = e;
            return e;
        }
    }
    if (!load_from_file(c->path, key, value, sizeof value))
        return NULL;
    e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->key = strdup(key);
    e->value = strdup(value);
    if (!e->key || !e->value) {
        entry_free(e);
        return NULL;
    }
    e->next = c->head;
    c->head = e;
    if (++c->count > CACHE_CAP)
        cache_evict_tail(c);
    return e;
}

static int resolve(struct cache *c, const char *name)
{
    struct entry *first, *cur;
    char first_hop[128];
    int hops = 0;

    first = cache_get(c, name);
    if (!first) {
        printf("%s: not found\n", name);
        return 1;
    }
    snprintf(first_hop, sizeof first_hop, "%s", first->value);
    cur = first;
    while (cur->value[0] == '@' && hops < MAX_HOPS) {
        cur = cache_get(c, cur->value + 1);
        if (!cur) {
            printf("%s: dangling alias\n", name);
            return 1;
        }
        hops++;
    }
    if (hops > 0)
        printf("%s -> %s ... -> %s\n", name, first_hop, cur->value);
    else
        printf("%s -> %s\n", name, cur->value);
    return 0;
}

int main(int argc, char **argv)
{
    struct cache c = { NULL, NULL, 0 };
    int i, rc = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: %s HOSTSFILE NAME...\n", argv[0]);
        return 2;
    }
    c.path = argv[1];
    for (i = 2; i < argc; i++)
        rc |= resolve(&c, argv[i]);
    while (c.head)
        cache_evict_tail(&c);
    return rc;
}
