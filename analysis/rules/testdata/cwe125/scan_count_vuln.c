// Reads "id offset text" records from stdin and prints the rest of each
// line from the offset given after the number.
#include <stdio.h>

int main(void)
{
    char line[256];
    while (fgets(line, sizeof line, stdin)) {
        int id, used = 0;
        if (sscanf(line, "%d %d", &id, &used) != 2)
            continue;
        printf("%d: %s", id, line + used);
        if (line[used] == '\0') // want CWE-119 CWE-125 CWE-129
            putchar('\n');
    }
    return 0;
}
