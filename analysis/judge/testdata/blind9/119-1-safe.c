/* Reads a user profile file of field=value lines and prints a formatted profile card. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct profile {
    char name[48];
    char email[64];
    unsigned age;
    char city[24];
};

struct field_desc {
    const char *key;
    size_t offset;
    size_t size;
};

#define MEMBER_SIZE(m) sizeof(((struct profile *)0)->m)

static const struct field_desc text_fields[] = {
    { "name",  offsetof(struct profile, name),  MEMBER_SIZE(name)  },
    { "email", offsetof(struct profile, email), MEMBER_SIZE(email) },
    { "city",  offsetof(struct profile, city),  MEMBER_SIZE(city)  },
};

static char *trim(char *s)
{
    char *end;
    while (*s == ' ' || *s == '\t')
        s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
        *--end = '\0';
    return s;
}

static void store_text(char *dst, size_t dstsz, const char *val)
{
    size_t len = strlen(val);
    if (len >= dstsz)
        len = dstsz - 1;
    memcpy(dst, val, len);
    dst[len] = '\0';
}

static int apply_field(struct profile *p, const char *key, const char *val)
{
    size_t i;
    if (strcmp(key, "age") == 0) {
        char *end;
        unsigned long v = strtoul(val, &end, 10);
        if (*end != '\0' || v > 150)
            return -1;
        p->age = (unsigned)v;
        return 0;
    }
    for (i = 0; i < sizeof(text_fields) / sizeof(text_fields[0]); i++) {
        if (strcmp(key, text_fields[i].key) == 0) {
            store_text((char *)p + text_fields[i].offset, text_fields[i].size, val);
            return 0;
        }
    }
    return -1;
}

static struct profile *load_profile(const char *path)
{
    FILE *fp = fopen(path, "r");
    struct profile *p;
    char line[256];
    unsigned lineno = 0;

    if (!fp) {
        perror(path);
        return NULL;
    }
    p = calloc(1, sizeof(*p));
    if (!p) {
        fclose(fp);
        return NULL;
    }
    while (fgets(line, sizeof(line), fp)) {
        char *eq, *key, *val;
        lineno++;
        key = trim(line);
        if (*key == '#' || *key == '\0')
            continue;
        eq = strchr(key, '=');
        if (!eq) {
            fprintf(stderr, "%s:%u: missing '='\n", path, lineno);
            continue;
        }
        *eq = '\0';
        val = trim(eq + 1);
        key = trim(key);
        if (apply_field(p, key, val) != 0)
            fprintf(stderr, "%s:%u: ignoring field '%s'\n", path, lineno, key);
    }
    fclose(fp);
    return p;
}

static void print_card(const struct profile *p)
{
    printf("+------------------------------------------+\n");
    printf("| Name : %-33s |\n", p->name);
    printf("| Email: %-33s |\n", p->email);
    printf("| Age  : %-33u |\n", p->age);
    printf("| City : %-33s |\n", p->city);
    printf("+------------------------------------------+\n");
}

int main(int argc, char **argv)
{
    struct profile *p;
    if (argc != 2) {
        fprintf(stderr, "usage: %s PROFILE\n", argv[0]);
        return 2;
    }
    p = load_profile(argv[1]);
    if (!p)
        return 1;
    print_card(p);
    free(p);
    return 0;
}
