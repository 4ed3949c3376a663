/* Looks up section.key in an INI-style configuration file and prints its value. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ini_query {
    char section[64];
    char key[64];
};

static char *trim(char *s)
{
    char *end;

    while (isspace((unsigned char)*s))
        s++;
    end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1]))
        *--end = '\0';
    return s;
}

static int split_query(const char *arg, struct ini_query *q)
{
    const char *dot = strrchr(arg, '.');
    size_t slen;

    if (!dot || dot == arg || dot[1] == '\0')
        return -1;
    slen = (size_t)(dot - arg);
    if (slen >= sizeof q->section || strlen(dot + 1) >= sizeof q->key)
        return -1;
    memcpy(q->section, arg, slen);
    q->section[slen] = '\0';
    snprintf(q->key, sizeof q->key, "%s", dot + 1);
    return 0;
}

/* Returns 1 on a section header (name stored in *section), 2 on key=value,
   -1 on a malformed header, 0 otherwise. */
static int parse_line(char *line, char **section, char **key, char **value)
{
    char *s = trim(line);
    char *eq;

    if (*s == '\0' || *s == ';' || *s == '#')
        return 0;
    if (*s == '[') {
        char *close = strchr(s + 1, ']');
        *close = '\0';
        *section = trim(s + 1);
        return 1;
    }
    eq = strchr(s, '=');
    if (!eq)
        return 0;
    *eq = '\0';
    *key = trim(s);
    *value = trim(eq + 1);
    return 2;
}

static int ini_lookup(FILE *f, const struct ini_query *q, char *out, size_t outsz)
{
    char line[512];
    char cur[64] = "";
    char *sec, *key, *val;
    unsigned lineno = 0;

    while (fgets(line, sizeof line, f)) {
        lineno++;
        switch (parse_line(line, &sec, &key, &val)) {
        case 1:
            snprintf(cur, sizeof cur, "%s", sec);
            break;
        case 2:
            if (strcmp(cur, q->section) == 0 && strcmp(key, q->key) == 0) {
                snprintf(out, outsz, "%s", val);
                return 1;
            }
            break;
        case -1:
            fprintf(stderr, "line %u: malformed section header\n", lineno);
            cur[0] = '\0';
            break;
        default:
            break;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct ini_query q;
    char value[512];
    FILE *f;
    int found;

    if (argc != 3 || split_query(argv[2], &q) < 0) {
        fprintf(stderr, "usage: %s FILE SECTION.KEY\n", argv[0]);
        return 2;
    }
    f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    found = ini_lookup(f, &q, value, sizeof value);
    fclose(f);
    if (!found) {
        fprintf(stderr, "%s.%s not found\n", q.section, q.key);
        return 1;
    }
    printf("%s\n", value);
    return 0;
}
