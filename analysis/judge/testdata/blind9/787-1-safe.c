/* Reads a key = "value" configuration file named on the command line and prints the value of one key. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_LEN 48
#define VALUE_LEN 96

struct setting {
    char key[KEY_LEN];
    char *value;
};

static char *skip_space(char *p)
{
    while (*p && isspace((unsigned char)*p))
        p++;
    return p;
}

static void trim_right(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
}

static int unquote(const char *src, char *dst, size_t cap)
{
    size_t o = 0;
    if (*src != '"')
        return -1;
    src++;
    while (*src && *src != '"' && o + 1 < cap) {
        char c = *src++;
        if (c == '\\' && *src) {
            c = *src++;
            if (c == 'n')
                c = '\n';
            else if (c == 't')
                c = '\t';
        }
        dst[o++] = c;
    }
    dst[o] = '\0';
    return *src == '"' ? 0 : -1;
}

static int parse_setting(char *line, struct setting *out)
{
    char value[VALUE_LEN];
    char *eq = strchr(line, '=');
    if (!eq)
        return -1;
    *eq = '\0';
    char *key = skip_space(line);
    trim_right(key);
    size_t klen = strlen(key);
    if (klen == 0 || klen >= sizeof out->key)
        return -1;
    memcpy(out->key, key, klen + 1);
    char *raw = skip_space(eq + 1);
    trim_right(raw);
    if (unquote(raw, value, sizeof value) != 0)
        return -1;
    out->value = strdup(value);
    return out->value ? 0 : -1;
}

static char *lookup(FILE *f, const char *wanted)
{
    char line[512];
    unsigned lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *p = skip_space(line);
        if (*p == '\0' || *p == '#')
            continue;
        struct setting s;
        if (parse_setting(p, &s) != 0) {
            fprintf(stderr, "line %u: syntax error\n", lineno);
            continue;
        }
        if (strcmp(s.key, wanted) == 0)
            return s.value;
        free(s.value);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s CONFIG KEY\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    char *v = lookup(f, argv[2]);
    fclose(f);
    if (!v) {
        fprintf(stderr, "%s: not set\n", argv[2]);
        return 1;
    }
    printf("%s\n", v);
    free(v);
    return 0;
}
