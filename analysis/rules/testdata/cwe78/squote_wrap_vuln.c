// Counts the lines of the files named on the command line with wc. The
// name is put in single quotes, but a quote inside the name is copied
// as it is, so x'; touch pwned; ' ends the quoting.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *single_quoted(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(len + 3);
    if (out == NULL) {
        return NULL;
    }
    char *p = out;
    *p++ = '\'';
    memcpy(p, s, len);
    p += len;
    *p++ = '\'';
    *p = '\0';
    return out;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        char *q = single_quoted(argv[i]);
        if (q == NULL) {
            return 1;
        }
        size_t size = strlen(q) + 16;
        char *cmd = malloc(size);
        if (cmd == NULL) {
            free(q);
            return 1;
        }
        snprintf(cmd, size, "wc -l -- %s", q);
        free(q);
        int rc = system(cmd); // want CWE-78
        free(cmd);
        if (rc != 0) {
            return 1;
        }
    }
    return 0;
}
