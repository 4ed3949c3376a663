/* Reads passwd-style and group-style files and prints a user's uid, home directory and group names. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct user {
    char *name;
    unsigned uid;
    unsigned gid;
    char *home;
};

struct group {
    char *name;
    unsigned gid;
    char *members;
};

struct db {
    struct user *users;
    size_t nusers;
    struct group *groups;
    size_t ngroups;
};

static int split_fields(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        char *c = strchr(p, ':');
        if (!c)
            break;
        *c = '\0';
        p = c + 1;
    }
    return n;
}

static int parse_id(const char *s, unsigned *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end != '\0' || v > 65535ul || s[0] == '-')
        return -1;
    *out = (unsigned)v;
    return 0;
}

static int grow(void **arr, size_t count, size_t elem)
{
    void *p = realloc(*arr, (count + 1) * elem);
    if (!p)
        return -1;
    *arr = p;
    return 0;
}

static int add_line(struct db *db, char *line, int is_group)
{
    char *f[7];
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '\0' || line[0] == '#')
        return 0;
    int n = split_fields(line, f, 7);
    if (is_group) {
        struct group g;
        if (n != 4 || parse_id(f[2], &g.gid) < 0)
            return -1;
        if (grow((void **)&db->groups, db->ngroups, sizeof(g)) < 0)
            return -1;
        g.name = strdup(f[0]);
        g.members = strdup(f[3]);
        if (!g.name || !g.members) {
            free(g.name);
            free(g.members);
            return -1;
        }
        db->groups[db->ngroups++] = g;
    } else {
        struct user u;
        if (n != 7 || parse_id(f[2], &u.uid) < 0 || parse_id(f[3], &u.gid) < 0)
            return -1;
        if (grow((void **)&db->users, db->nusers, sizeof(u)) < 0)
            return -1;
        u.name = strdup(f[0]);
        u.home = strdup(f[5]);
        if (!u.name || !u.home) {
            free(u.name);
            free(u.home);
            return -1;
        }
        db->users[db->nusers++] = u;
    }
    return 0;
}

static int load_file(struct db *db, const char *path, int is_group)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        perror(path);
        return -1;
    }
    char line[1024];
    int lineno = 0, rc = 0;
    while (fgets(line, sizeof(line), fp)) {
        lineno++;
        if (add_line(db, line, is_group) < 0) {
            fprintf(stderr, "%s:%d: malformed entry\n", path, lineno);
            rc = -1;
            break;
        }
    }
    fclose(fp);
    return rc;
}

static const struct user *find_user(const struct db *db, const char *name)
{
    for (size_t i = 0; i < db->nusers; i++)
        if (strcmp(db->users[i].name, name) == 0)
            return &db->users[i];
    return NULL;
}

static const struct group *find_group(const struct db *db, unsigned gid)
{
    for (size_t i = 0; i < db->ngroups; i++)
        if (db->groups[i].gid == gid)
            return &db->groups[i];
    return NULL;
}

static int is_member(const char *members, const char *name)
{
    size_t len = strlen(name);
    const char *p = members;
    while (*p) {
        size_t n = strcspn(p, ",");
        if (n == len && strncmp(p, name, len) == 0)
            return 1;
        p += n;
        if (*p == ',')
            p++;
    }
    return 0;
}

static void print_user(const struct db *db, const struct user *u)
{
    char gidbuf[16];
    const char *primary;
    const struct group *g = find_group(db, u->gid);
    if (!g) {
        snprintf(gidbuf, sizeof(gidbuf), "%u", u->gid);
        primary = gidbuf;
    } else {
        primary = g->name;
    }
    printf("user:  %s\nuid:   %u\nhome:  %s\ngroups: %s", u->name, u->uid, u->home, primary);
    for (size_t i = 0; i < db->ngroups; i++)
        if (db->groups[i].gid != u->gid && is_member(db->groups[i].members, u->name))
            printf(",%s", db->groups[i].name);
    printf("\n");
}

static void free_db(struct db *db)
{
    for (size_t i = 0; i < db->nusers; i++) {
        free(db->users[i].name);
        free(db->users[i].home);
    }
    for (size_t i = 0; i < db->ngroups; i++) {
        free(db->groups[i].name);
        free(db->groups[i].members);
    }
    free(db->users);
    free(db->groups);
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: %s PASSWD GROUP [USER]\n", argv[0]);
        return 2;
    }
    const char *who = argc == 4 ? argv[3] : getenv("USER");
    if (!who || !*who) {
        fprintf(stderr, "no user given and USER is not set\n");
        return 2;
    }
    struct db db = {0};
    int rc = 1;
    if (load_file(&db, argv[1], 0) == 0 && load_file(&db, argv[2], 1) == 0) {
        const struct user *u = find_user(&db, who);
        if (u) {
            print_user(&db, u);
            rc = 0;
        } else {
            fprintf(stderr, "%s: no such user\n", who);
        }
    }
    free_db(&db);
    return rc;
}
