/* A growable list of samples: a pointer to the newest slot is kept while
 * another sample is pushed, which may move the array. */
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

int main(int argc, char *argv[])
{
    struct samples s = {NULL, 0, 0};
    push(&s, argc);
    int *newest = &s.items[s.count - 1];
    for (int i = 1; i < argc; i++)
        push(&s, atoi(argv[i]));
    printf("%d\n", *newest); // want CWE-416
    char *text = malloc(16);
    if (text == NULL)
        return 1;
    char *tail = text + 8;
    free(text);
    *tail = '\0'; // want CWE-416
    free(s.items);
    return 0;
}
