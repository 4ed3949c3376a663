/* A growable list of samples: the newest sample is kept as an index, and a
 * pointer into the array is taken again after the pushes. */
#include <stdio.h>
#include <stdlib.h>

struct samples {
    int *items;
    size_t count;
    size_t cap;
};

static void reserve_one(struct samples *s)
{
    if (s->count < s->cap)
        return;
    s->cap = s->cap ? s->cap * 2 : 4;
    int *grown = realloc(s->items, s->cap * sizeof *grown);
    if (grown == NULL)
        exit(1);
    s->items = grown;
}

static void push(struct samples *s, int v)
{
    reserve_one(s);
    s->items[s->count++] = v;
}

static int sum(const struct samples *s)
{
    int total = 0;
    for (size_t i = 0; i < s->count; i++)
        total += s->items[i];
    return total;
}

int main(int argc, char *argv[])
{
    struct samples s = {NULL, 0, 0};
    push(&s, argc);
    size_t newest = s.count - 1;
    int *first = &s.items[0];
    printf("%d %d\n", *first, sum(&s));
    for (int i = 1; i < argc; i++)
        push(&s, atoi(argv[i]));
    first = &s.items[0];
    printf("%d %d %d\n", s.items[newest], *first, sum(&s));
    free(s.items);
    return 0;
}
