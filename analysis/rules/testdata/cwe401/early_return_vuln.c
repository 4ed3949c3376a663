// A line is copied, then the copy is lost on the error path and when the
// pointer is reused for the next line.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count_fields(const char *line) {
    char *copy = strdup(line); // want CWE-401
    if (copy == NULL)
        return -1;
    if (copy[0] == '#')
        return 0;
    int n = 0;
    for (char *t = strtok(copy, ","); t != NULL; t = strtok(NULL, ","))
        n++;
    free(copy);
    return n;
}

int main(void) {
    char line[256];
    char *last = NULL;
    while (fgets(line, sizeof line, stdin) != NULL) {
        last = malloc(strlen(line) + 1); // want CWE-401
        if (last == NULL)
            return 1;
        strcpy(last, line);
        printf("%d\n", count_fields(last));
    }
    free(last);
    return 0;
}
