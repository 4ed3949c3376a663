/* Interactive key/value cache: reads set/get/del/again/list commands from stdin. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_MAX 32
#define VAL_MAX 128
#define CACHE_LIMIT 8

struct entry {
    char key[KEY_MAX];
    char value[VAL_MAX];
    unsigned hits;
    struct entry *next;
};

struct cache {
    struct entry *head;
    struct entry *last;
    size_t count;
};

static struct entry *cache_lookup(struct cache *c, const char *key)
{
    for (struct entry *e = c->head; e != NULL; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

static void cache_unlink(struct cache *c, struct entry *victim)
{
    struct entry **pp = &c->head;
    while (*pp != NULL && *pp != victim)
        pp = &(*pp)->next;
    if (*pp == NULL)
        return;
    *pp = victim->next;
    if (c->last == victim)
        c->last = NULL;
    c->count--;
    free(victim);
}

static void cache_evict_oldest(struct cache *c)
{
    struct entry *e = c->head;
    if (e == NULL)
        return;
    while (e->next != NULL)
        e = e->next;
    cache_unlink(c, e);
}

static int cache_set(struct cache *c, const char *key, const char *value)
{
    struct entry *e = cache_lookup(c, key);
    if (e == NULL) {
        if (c->count >= CACHE_LIMIT)
            cache_evict_oldest(c);
        e = calloc(1, sizeof(*e));
        if (e == NULL)
            return -1;
        snprintf(e->key, sizeof(e->key), "%s", key);
        e->next = c->head;
        c->head = e;
        c->count++;
    }
    snprintf(e->value, sizeof(e->value), "%s", value);
    return 0;
}

static void show(const struct entry *e)
{
    printf("%s = %s (hits %u)\n", e->key, e->value, e->hits);
}

static void cache_clear(struct cache *c)
{
    while (c->head != NULL)
        cache_unlink(c, c->head);
    c->last = NULL;
}

static void handle(struct cache *c, char *line)
{
    char *cmd = strtok(line, " \t\r\n");
    char *key = strtok(NULL, " \t\r\n");
    char *val = strtok(NULL, "\r\n");
    if (cmd == NULL)
        return;
    if (strcmp(cmd, "set") == 0 && key != NULL && val != NULL) {
        if (cache_set(c, key, val) != 0)
            fprintf(stderr, "out of memory\n");
    } else if (strcmp(cmd, "get") == 0 && key != NULL) {
        struct entry *e = cache_lookup(c, key);
        if (e == NULL) {
            printf("%s: not found\n", key);
            return;
        }
        e->hits++;
        c->last = e;
        show(e);
    } else if (strcmp(cmd, "del") == 0 && key != NULL) {
        struct entry *e = cache_lookup(c, key);
        if (e != NULL)
            cache_unlink(c, e);
    } else if (strcmp(cmd, "again") == 0) {
        if (c->last == NULL) {
            printf("no previous lookup\n");
            return;
        }
        c->last->hits++;
        show(c->last);
    } else if (strcmp(cmd, "list") == 0) {
        for (struct entry *e = c->head; e != NULL; e = e->next)
            show(e);
    } else {
        printf("unknown command\n");
    }
}

int main(void)
{
    struct cache c = { NULL, NULL, 0 };
    char line[256];
    while (fgets(line, sizeof(line), stdin) != NULL)
        handle(&c, line);
    cache_clear(&c);
    return 0;
}
