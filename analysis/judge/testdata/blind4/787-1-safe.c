/* Reads a "key = value" user profile file and prints the display name, shell and editor it sets. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <string.h>

struct profile {
    char display_name[128];
    char shell[128];
    char editor[128];
    int columns;
};

static const char *skip_space(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static size_t trimmed_len(const char *s, size_t n)
{
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    return n;
}

static void copy_field(char *dst, size_t dstsz, const char *src, size_t n)
{
    if (dstsz == 0)
        return;
    if (n >= dstsz)
        n = dstsz - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void apply_setting(struct profile *p, const char *key, const char *value)
{
    if (strcmp(key, "name") == 0)
        snprintf(p->display_name, sizeof p->display_name, "%s", value);
    else if (strcmp(key, "shell") == 0)
        snprintf(p->shell, sizeof p->shell, "%s", value);
    else if (strcmp(key, "editor") == 0)
        snprintf(p->editor, sizeof p->editor, "%s", value);
    else if (strcmp(key, "columns") == 0) {
        int c = 0;
        if (sscanf(value, "%d", &c) == 1 && c >= 20 && c <= 500)
            p->columns = c;
    }
}

static int parse_line(struct profile *p, const char *line)
{
    char key[32];
    char value[128];
    const char *s = skip_space(line);
    if (*s == '#' || *s == '\0' || *s == '\n')
        return 0;
    const char *eq = strchr(s, '=');
    if (eq == NULL)
        return -1;
    copy_field(key, sizeof key, s, trimmed_len(s, (size_t)(eq - s)));
    const char *v = skip_space(eq + 1);
    copy_field(value, sizeof value, v, trimmed_len(v, strlen(v)));
    for (char *k = key; *k; k++)
        *k = (char)tolower((unsigned char)*k);
    apply_setting(p, key, value);
    return 0;
}

static int load_profile(const char *path, struct profile *p)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    char line[512];
    int lineno = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        lineno++;
        if (parse_line(p, line) != 0)
            fprintf(stderr, "%s:%d: ignoring malformed line\n", path, lineno);
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PROFILE\n", argv[0]);
        return 2;
    }
    struct profile p = { "anonymous", "/bin/sh", "vi", 80 };
    if (load_profile(argv[1], &p) != 0) {
        perror(argv[1]);
        return 1;
    }
    printf("name:    %s\n", p.display_name);
    printf("shell:   %s\n", p.shell);
    printf("editor:  %s\n", p.editor);
    printf("columns: %d\n", p.columns);
    return 0;
}
