// Prints each line of stdin as a JSON string: quotes and backslashes are
// escaped with a backslash into a buffer made for the line.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *json_string(const char *s, size_t n)
{
    char *out = malloc(n + 3); // want CWE-787
    size_t o = 0;
    if (out == NULL)
        return NULL;
    out[o++] = '"';
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"' || s[i] == '\\')
            out[o++] = '\\';
        out[o++] = s[i];
    }
    out[o++] = '"';
    out[o] = '\0';
    return out;
}

int main(void)
{
    char line[256];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        char *j = json_string(line, strlen(line));
        if (j == NULL)
            return 1;
        puts(j);
        free(j);
    }
    return 0;
}
