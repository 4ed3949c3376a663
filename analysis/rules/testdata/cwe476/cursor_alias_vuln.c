// Upper-cases each command-line argument into a buffer it allocates,
// writing through a cursor taken from the buffer; the cursor's own
// buffer is tested for NULL only after the copy.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *upper_copy(const char *s);

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        char *u = upper_copy(argv[i]);
        if (u) {
            puts(u);
            free(u);
        }
    }
    return 0;
}

static char *upper_copy(const char *s)
{
    char *out = malloc(strlen(s) + 1);
    char *o = out;

    while (*s)
        *o++ = (char)toupper((unsigned char)*s++); // want CWE-476
    *o = '\0'; // want CWE-476
    if (!out)
        return NULL;
    return out;
}
