// Keeps the names read from stdin in a global list and empties it at
// the end. The helper frees a node without taking it off the list, so
// the loop that empties the list frees the same head again and again.
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
        drop(head); // want CWE-416
    }
    return 0;
}
