/* Loads a key binding file ("bind <keycode> <action>") and prints the resulting key map. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEYCODE_COUNT 256
#define ACTION_LEN 24

struct binding {
    char action[ACTION_LEN];
    int line;
};

struct keymap {
    struct binding *keys;
    size_t bound;
};

static int keymap_init(struct keymap *km)
{
    km->keys = calloc(KEYCODE_COUNT, sizeof *km->keys);
    km->bound = 0;
    return km->keys ? 0 : -1;
}

static void keymap_free(struct keymap *km)
{
    free(km->keys);
    km->keys = NULL;
}

static int parse_keycode(const char *tok, long *code)
{
    char *end;
    errno = 0;
    long v = strtol(tok, &end, 0);
    if (errno || end == tok || *end != '\0')
        return -1;
    if (v < 0 || v > KEYCODE_COUNT)
        return -1;
    *code = v;
    return 0;
}

static int valid_action(const char *a)
{
    size_t n = strlen(a);
    if (n == 0 || n >= ACTION_LEN)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)a[i]) && a[i] != '-' && a[i] != '_')
            return 0;
    return 1;
}

static void keymap_bind(struct keymap *km, long code, const char *action, int lineno)
{
    struct binding *b = &km->keys[code];
    if (b->action[0] == '\0')
        km->bound++;
    snprintf(b->action, sizeof b->action, "%s", action);
    b->line = lineno;
}

static int load_bindings(const char *path, struct keymap *km)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char line[256];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *save = NULL;
        char *kw = strtok_r(line, " \t\r\n", &save);
        if (!kw || kw[0] == '#')
            continue;
        char *code_tok = strtok_r(NULL, " \t\r\n", &save);
        char *action = strtok_r(NULL, " \t\r\n", &save);
        long code;
        if (strcmp(kw, "bind") != 0 || !code_tok || !action ||
            parse_keycode(code_tok, &code) != 0 || !valid_action(action)) {
            fprintf(stderr, "%s:%d: ignoring malformed line\n", path, lineno);
            continue;
        }
        keymap_bind(km, code, action, lineno);
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s KEYMAP_FILE\n", argv[0]);
        return 2;
    }
    struct keymap km;
    if (keymap_init(&km) != 0) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    if (load_bindings(argv[1], &km) != 0) {
        keymap_free(&km);
        return 1;
    }
    printf("%zu keys bound\n", km.bound);
    for (size_t i = 0; i < KEYCODE_COUNT; i++)
        if (km.keys[i].action[0])
            printf("0x%02zx -> %s (line %d)\n", i, km.keys[i].action, km.keys[i].line);
    keymap_free(&km);
    return 0;
}
