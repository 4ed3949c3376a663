// A helper frees its parameter (through another helper); the caller
// reads the node after handing it over, and the loop steps through a
// freed node.
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
    struct item *it;
    for (it = head; it != NULL; it = it->next) // want CWE-416
        item_destroy(it);
}

int main(void) {
    struct item *it = calloc(1, sizeof *it);
    if (it == NULL)
        return 1;
    item_destroy(it);
    printf("%p\n", (void *)it->next); // want CWE-416
    drop_all(NULL);
    return 0;
}
