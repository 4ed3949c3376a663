// Keeps the names read from stdin in a global list and empties it at
// the end. The helper takes the node off the list before it frees it, so
// each pass of the loop that empties the list frees a new head.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
    char name[32];
    struct node *next;
};

static struct node *head;

static void drop(struct node *n)
{
    struct node **pp = &head;
    while (*pp != NULL && *pp != n) {
        pp = &(*pp)->next;
    }
    if (*pp == n) {
        *pp = n->next;
    }
    printf("drop %s", n->name);
    free(n);
}

int main(void)
{
    char line[32];
    while (fgets(line, sizeof line, stdin)) {
        struct node *n = malloc(sizeof *n);
        if (n == NULL) {
            break;
        }
        snprintf(n->name, sizeof n->name, "%s", line);
        n->next = head;
        head = n;
    }
    while (head != NULL) {
        drop(head);
    }
    return 0;
}
