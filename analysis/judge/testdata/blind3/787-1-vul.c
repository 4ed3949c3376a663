// Shell quoter: prints each argument wrapped in double quotes with shell-special characters backslash-escaped.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int needs_escape(char c)
{
    return c == '"' || c == '\\' || c == '$' || c == '`';
}

static char *quote_arg(const char *s)
{
    size_t len = strlen(s), extra = 0;
    char *out, *p;

    for (size_t i = 0; i < len; i++)
        if (s[i] == '"')
            extra++;
    out = malloc(len + extra + 3);
    if (!out)
        return NULL;
    p = out;
    *p++ = '"';
    for (size_t i = 0; i < len; i++) {
        if (needs_escape(s[i]))
            *p++ = '\\';
        *p++ = s[i];
    }
    *p++ = '"';
    *p = '\0';
    return out;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        char *q = quote_arg(argv[i]);
        if (!q) {
            perror("malloc");
            return 1;
        }
        printf("%s%s", i > 1 ? " " : "", q);
        free(q);
    }
    putchar('\n');
    return 0;
}
