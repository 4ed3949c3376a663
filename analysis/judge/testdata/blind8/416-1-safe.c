/* Reads inventory commands from stdin and keeps a list of stock items with a current selection. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#define NAME_LEN 32

struct item {
    char name[NAME_LEN];
    long qty;
    struct item *next;
};

struct store {
    struct item *head;
    struct item *selected;
    size_t count;
};

static struct item *find_item(struct store *st, const char *name)
{
    for (struct item *it = st->head; it; it = it->next)
        if (strcmp(it->name, name) == 0)
            return it;
    return NULL;
}

static int parse_qty(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end != '\0' || v < -1000000 || v > 1000000)
        return -1;
    *out = v;
    return 0;
}

static int add_item(struct store *st, const char *name, long qty)
{
    if (find_item(st, name))
        return -1;
    struct item *it = calloc(1, sizeof *it);
    if (!it)
        return -1;
    snprintf(it->name, sizeof it->name, "%s", name);
    it->qty = qty;
    it->next = st->head;
    st->head = it;
    st->count++;
    return 0;
}

static int remove_item(struct store *st, const char *name)
{
    struct item **pp = &st->head;
    while (*pp) {
        struct item *it = *pp;
        if (strcmp(it->name, name) == 0) {
            if (st->selected == it)
                st->selected = NULL;
            *pp = it->next;
            free(it);
            st->count--;
            return 0;
        }
        pp = &it->next;
    }
    return -1;
}

static void adjust_selected(struct store *st, long delta)
{
    if (!st->selected) {
        puts("error: nothing selected");
        return;
    }
    st->selected->qty += delta;
    printf("%s now %ld\n", st->selected->name, st->selected->qty);
}

static void list_items(const struct store *st)
{
    for (const struct item *it = st->head; it; it = it->next)
        printf("%-31s %ld%s\n", it->name, it->qty, it == st->selected ? " *" : "");
    printf("%zu item(s)\n", st->count);
}

static void free_store(struct store *st)
{
    struct item *it = st->head;
    while (it) {
        struct item *next = it->next;
        free(it);
        it = next;
    }
    st->head = NULL;
    st->selected = NULL;
}

int main(void)
{
    struct store st = { NULL, NULL, 0 };
    char line[256];
    char cmd[16], arg1[NAME_LEN], arg2[24];

    while (fgets(line, sizeof line, stdin)) {
        int n = sscanf(line, "%15s %31s %23s", cmd, arg1, arg2);
        long v;
        if (n < 1)
            continue;
        if (strcmp(cmd, "add") == 0 && n == 3 && parse_qty(arg2, &v) == 0) {
            if (add_item(&st, arg1, v) != 0)
                printf("error: cannot add %s\n", arg1);
        } else if (strcmp(cmd, "select") == 0 && n >= 2) {
            struct item *it = find_item(&st, arg1);
            if (it)
                st.selected = it;
            else
                printf("error: no item %s\n", arg1);
        } else if (strcmp(cmd, "adjust") == 0 && n >= 2 && parse_qty(arg1, &v) == 0) {
            adjust_selected(&st, v);
        } else if (strcmp(cmd, "drop") == 0 && n >= 2) {
            if (remove_item(&st, arg1) != 0)
                printf("error: no item %s\n", arg1);
        } else if (strcmp(cmd, "list") == 0) {
            list_items(&st);
        } else {
            printf("error: bad command\n");
        }
    }
    free_store(&st);
    return 0;
}
