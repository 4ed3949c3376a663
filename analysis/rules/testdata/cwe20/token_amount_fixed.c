// Applies "take ITEM QTY" lines from stdin to a small stock table. The
// line is split with strtok_r, and the quantity parser fails on a
// quantity below 1, checked on the value it stored.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
    const char *name;
    long stock;
};

static int parse_qty(const char *text, long *out);
static void take(struct item *it, long qty);

int main(void)
{
    struct item items[] = {{"bolts", 100}, {"nuts", 80}};
    char line[128];
    while (fgets(line, sizeof line, stdin)) {
        char *save = NULL;
        char *cmd = strtok_r(line, " \n", &save);
        char *name = strtok_r(NULL, " \n", &save);
        char *num = strtok_r(NULL, " \n", &save);
        long qty;
        if (cmd == NULL || name == NULL || num == NULL || strcmp(cmd, "take") != 0 ||
            parse_qty(num, &qty) != 0) {
            continue;
        }
        for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
            if (strcmp(items[i].name, name) == 0) {
                take(&items[i], qty);
            }
        }
    }
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
        printf("%s %ld\n", items[i].name, items[i].stock);
    }
    return 0;
}

static int parse_qty(const char *text, long *out)
{
    char *end;
    *out = strtol(text, &end, 10);
    if (end == text) {
        return -1;
    }
    if (*out < 1) {
        return -1;
    }
    return 0;
}

static void take(struct item *it, long qty)
{
    if (qty <= it->stock) {
        it->stock -= qty;
    }
}
