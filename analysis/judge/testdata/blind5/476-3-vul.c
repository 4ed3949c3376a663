/* Reads an org-chart file of "emp ID NAME" and "mgr ID MANAGER_ID" lines and prints each employee with manager and report count. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct employee {
    long id;
    char name[64];
    long manager_id;
    int has_manager;
    unsigned reports;
};

struct roster {
    struct employee *items;
    size_t count;
    size_t cap;
};

static struct employee *find_employee(const struct roster *r, long id)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->items[i].id == id)
            return &r->items[i];
    return NULL;
}

static int add_employee(struct roster *r, long id, const char *name)
{
    if (find_employee(r, id) != NULL)
        return -1;
    if (r->count == r->cap) {
        size_t ncap = r->cap ? r->cap * 2 : 8;
        struct employee *n = realloc(r->items, ncap * sizeof(*n));
        if (n == NULL)
            return -1;
        r->items = n;
        r->cap = ncap;
    }
    struct employee *e = &r->items[r->count++];
    memset(e, 0, sizeof(*e));
    e->id = id;
    snprintf(e->name, sizeof(e->name), "%s", name);
    return 0;
}

static int set_manager(struct roster *r, long id, long mgr_id)
{
    struct employee *e = find_employee(r, id);
    struct employee *m = find_employee(r, mgr_id);
    if (e == NULL) {
        fprintf(stderr, "unknown employee %ld\n", id);
        return -1;
    }
    if (e->has_manager) {
        struct employee *old = find_employee(r, e->manager_id);
        if (old != NULL)
            old->reports--;
    }
    e->manager_id = m->id;
    e->has_manager = 1;
    m->reports++;
    return 0;
}

static int load_roster(FILE *f, struct roster *r)
{
    char line[256];
    unsigned lineno = 0;
    while (fgets(line, sizeof(line), f) != NULL) {
        lineno++;
        char kind[8], name[64];
        long a, b;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (sscanf(line, "%7s", kind) != 1)
            continue;
        if (strcmp(kind, "emp") == 0 && sscanf(line, "%*s %ld %63s", &a, name) == 2) {
            if (add_employee(r, a, name) != 0)
                fprintf(stderr, "line %u: cannot add employee %ld\n", lineno, a);
        } else if (strcmp(kind, "mgr") == 0 && sscanf(line, "%*s %ld %ld", &a, &b) == 2) {
            if (set_manager(r, a, b) != 0)
                fprintf(stderr, "line %u: cannot set manager\n", lineno);
        } else {
            fprintf(stderr, "line %u: not understood\n", lineno);
        }
    }
    return ferror(f) ? -1 : 0;
}

static void print_roster(const struct roster *r)
{
    for (size_t i = 0; i < r->count; i++) {
        const struct employee *e = &r->items[i];
        const struct employee *m = e->has_manager ? find_employee(r, e->manager_id) : NULL;
        printf("%-6ld %-20s manager: %-20s reports: %u\n", e->id, e->name,
               m != NULL ? m->name : "-", e->reports);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s ROSTER\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (f == NULL) {
        perror(argv[1]);
        return 1;
    }
    struct roster r = {NULL, 0, 0};
    int rc = load_roster(f, &r);
    fclose(f);
    if (rc == 0)
        print_roster(&r);
    free(r.items);
    return rc == 0 ? 0 : 1;
}
