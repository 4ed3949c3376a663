// Prints each command-line argument escaped for HTML. The escaped copy is
// allocated for four characters an input character, but the entity for a
// double quote takes six.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROOM 4

static const char *entity(char c)
{
    switch (c) {
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    default: return NULL;
    }
}

static char *escape(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(len * ROOM + 1); // want CWE-787
    if (out == NULL)
        return NULL;
    char *p = out;
    for (; *s; s++) {
        const char *e = entity(*s);
        if (e) {
            size_t n = strlen(e);
            memcpy(p, e, n);
            p += n;
        } else {
            *p++ = *s;
        }
    }
    *p = '\0';
    return out;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        char *e = escape(argv[i]);
        if (e) {
            puts(e);
            free(e);
        }
    }
    return 0;
}
