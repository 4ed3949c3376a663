/* Reads a file of "name score" lines, drops players below a minimum score, and prints the remaining players. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct player {
    char *name;
    long score;
    struct player *next;
};

struct roster {
    struct player *head;
    size_t count;
};

static int roster_add(struct roster *r, const char *name, long score)
{
    struct player *p = malloc(sizeof(*p));
    if (!p)
        return -1;
    p->name = strdup(name);
    if (!p->name) {
        free(p);
        return -1;
    }
    p->score = score;
    p->next = r->head;
    r->head = p;
    r->count++;
    return 0;
}

static void roster_unlink(struct roster *r, struct player *victim)
{
    struct player **pp = &r->head;
    while (*pp && *pp != victim)
        pp = &(*pp)->next;
    if (*pp) {
        *pp = victim->next;
        r->count--;
    }
    free(victim->name);
    free(victim);
}

static size_t roster_prune(struct roster *r, long min_score)
{
    size_t dropped = 0;
    for (struct player *p = r->head; p != NULL; p = p->next) {
        if (p->score < min_score) {
            roster_unlink(r, p);
            dropped++;
        }
    }
    return dropped;
}

static void roster_free(struct roster *r)
{
    struct player *p = r->head;
    while (p) {
        struct player *next = p->next;
        free(p->name);
        free(p);
        p = next;
    }
    r->head = NULL;
    r->count = 0;
}

static int load_file(struct roster *r, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        perror(path);
        return -1;
    }
    char line[256];
    char name[64];
    long score;
    int lineno = 0;
    while (fgets(line, sizeof(line), fp)) {
        lineno++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (sscanf(line, "%63s %ld", name, &score) != 2) {
            fprintf(stderr, "%s:%d: malformed line\n", path, lineno);
            continue;
        }
        if (roster_add(r, name, score) != 0) {
            fclose(fp);
            return -1;
        }
    }
    fclose(fp);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s FILE MIN_SCORE\n", argv[0]);
        return 2;
    }
    char *end;
    errno = 0;
    long min_score = strtol(argv[2], &end, 10);
    if (errno || *end != '\0') {
        fprintf(stderr, "bad minimum score: %s\n", argv[2]);
        return 2;
    }

    struct roster r = { NULL, 0 };
    if (load_file(&r, argv[1]) != 0) {
        roster_free(&r);
        return 1;
    }
    size_t dropped = roster_prune(&r, min_score);
    printf("%zu players kept, %zu dropped\n", r.count, dropped);
    for (struct player *p = r.head; p; p = p->next)
        printf("%-20s %ld\n", p->name, p->score);
    roster_free(&r);
    return 0;
}
