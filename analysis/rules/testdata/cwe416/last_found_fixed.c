// A word counter driven by commands on standard input: "add W" counts a
// word, "del W" forgets it, "again" adds one more to the word last added
// or found. Forgetting a word that is the last one clears that pointer.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word {
    char *text;
    int count;
    struct word *next;
};

struct table {
    struct word *head;
    struct word *last;
};

static void word_free(struct word *w)
{
    free(w->text);
    free(w);
}

static struct word *find(struct table *t, const char *text)
{
    for (struct word *w = t->head; w; w = w->next)
        if (strcmp(w->text, text) == 0)
            return w;
    return NULL;
}

static void add(struct table *t, const char *text)
{
    struct word *w = find(t, text);
    if (w == NULL) {
        w = calloc(1, sizeof *w);
        if (w == NULL || (w->text = strdup(text)) == NULL) {
            free(w);
            return;
        }
        w->next = t->head;
        t->head = w;
    }
    w->count++;
    t->last = w;
}

static void forget(struct table *t, const char *text);

int main(void)
{
    struct table t = {NULL, NULL};
    char cmd[16], text[64];
    while (scanf("%15s", cmd) == 1) {
        if (strcmp(cmd, "again") == 0) {
            if (t.last)
                t.last->count++;
        } else if (scanf("%63s", text) == 1) {
            if (strcmp(cmd, "add") == 0)
                add(&t, text);
            else if (strcmp(cmd, "del") == 0)
                forget(&t, text);
        }
    }
    for (struct word *w = t.head; w; w = w->next)
        printf("%s %d\n", w->text, w->count);
    return 0;
}

static void forget(struct table *t, const char *text)
{
    for (struct word **pp = &t->head; *pp; pp = &(*pp)->next) {
        struct word *w = *pp;
        if (strcmp(w->text, text) == 0) {
            *pp = w->next;
            if (t->last == w)
                t->last = NULL;
            word_free(w);
            return;
        }
    }
}
