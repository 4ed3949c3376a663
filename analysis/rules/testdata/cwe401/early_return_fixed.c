// A line is copied; the copy is freed on every path, and the previous
// one before the pointer is reused.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count_fields(const char *line) {
    char *copy = strdup(line);
    if (copy == NULL)
        return -1;
    if (copy[0] == '#') {
        free(copy);
        return 0;
    }
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
        free(last);
        last = malloc(strlen(line) + 1);
        if (last == NULL)
            return 1;
        strcpy(last, line);
        printf("%d\n", count_fields(last));
    }
    free(last);
    return 0;
}
