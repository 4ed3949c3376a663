// Reads "id rest-of-line" records from stdin and prints the rest of each
// line after the number, which sscanf's %n locates.
#include <stdio.h>

int main(void)
{
    char line[256];
    while (fgets(line, sizeof line, stdin)) {
        int id, used = 0;
        if (sscanf(line, "%d %n", &id, &used) != 1)
            continue;
        printf("%d: %s", id, line + used);
        if (line[used] == '\0')
            putchar('\n');
    }
    return 0;
}
