// A stock keeper: each line of stdin is "item count", taking count pieces
// of the item out of stock when there are enough.
#include <stdio.h>
#include <string.h>

struct item {
    char name[16];
    int stock;
};

static struct item items[] = {{"bolt", 40}, {"nut", 25}, {"washer", 60}};

static int parse_take(const char *line, char *name, size_t cap, int *count)
{
    char fmt[16];
    snprintf(fmt, sizeof fmt, "%%%zus %%d", cap - 1);
    return sscanf(line, fmt, name, count) == 2 ? 0 : -1;
}

static int take(struct item *it, int count);

int main(void)
{
    char line[64], name[16];
    int count;
    while (fgets(line, sizeof line, stdin)) {
        if (parse_take(line, name, sizeof name, &count) != 0)
            continue;
        for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
            if (strcmp(items[i].name, name) == 0 && take(&items[i], count) != 0)
                fprintf(stderr, "not enough %s\n", name);
    }
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
        printf("%s %d\n", items[i].name, items[i].stock);
    return 0;
}

static int take(struct item *it, int count)
{
    if (count <= 0 || count > it->stock)
        return -1;
    it->stock -= count;
    return 0;
}
