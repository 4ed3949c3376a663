// Keeps the non-comment lines of stdin in a linked list, newest first,
// and prints them; a node for a comment line is freed.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct line {
    char text[128];
    struct line *next;
};

int main(void)
{
    struct line *head = NULL;
    char buf[128];
    while (fgets(buf, sizeof buf, stdin)) {
        struct line *l = calloc(1, sizeof *l);
        if (l == NULL)
            break;
        if (buf[0] == '#')
            free(l);
        strcpy(l->text, buf); // want CWE-416
        l->next = head; // want CWE-416
        head = l;
    }
    for (struct line *l = head; l != NULL; l = l->next)
        fputs(l->text, stdout);
    return 0;
}
