/* Backup planner: reads "name value" options from a config file and prints the backup command plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct option {
    char name[32];
    char value[128];
    struct option *next;
};

static struct option *load_options(FILE *fp)
{
    struct option *head = NULL;
    char line[200];
    while (fgets(line, sizeof line, fp)) {
        struct option *o = calloc(1, sizeof *o);
        if (!o)
            break;
        if (sscanf(line, "%31s %127[^\n]", o->name, o->value) != 2 || o->name[0] == '#') {
            free(o);
            continue;
        }
        o->next = head;
        head = o;
    }
    return head;
}

static const struct option *find_option(const struct option *list, const char *name)
{
    for (; list; list = list->next)
        if (strcmp(list->name, name) == 0)
            return list;
    return NULL;
}

static void free_options(struct option *list)
{
    while (list) {
        struct option *next = list->next;
        free(list);
        list = next;
    }
}

int main(int argc, char **argv)
{
    FILE *fp = fopen(argc > 1 ? argv[1] : "backup.conf", "r");
    if (!fp) {
        perror("backup.conf");
        return 1;
    }
    struct option *opts = load_options(fp);
    fclose(fp);

    const struct option *src = find_option(opts, "source");
    const struct option *dst = find_option(opts, "dest");
    const struct option *keep = find_option(opts, "keep");
    if (!src || !dst) {
        fprintf(stderr, "config must set both 'source' and 'dest'\n");
        free_options(opts);
        return 1;
    }
    printf("rsync -a %s/ %s/\n", src->value, dst->value);
    printf("keep %d snapshots\n", keep ? atoi(keep->value) : 7);
    free_options(opts);
    return 0;
}
