// A helper frees its parameter (through another helper); the caller
// keeps what it needs before handing the node over.
#include <stdio.h>
#include <stdlib.h>

struct item {
    char *label;
    struct item *next;
};

static void release(void *p) {
    free(p);
}

static void item_destroy(struct item *it) {
    free(it->label);
    release(it);
}

static void drop_all(struct item *head) {
    struct item *it, *next;
    for (it = head; it != NULL; it = next) {
        next = it->next;
        item_destroy(it);
    }
}

int main(void) {
    struct item *it = calloc(1, sizeof *it);
    if (it == NULL)
        return 1;
    struct item *next = it->next;
    item_destroy(it);
    printf("%p\n", (void *)next);
    drop_all(NULL);
    return 0;
}
