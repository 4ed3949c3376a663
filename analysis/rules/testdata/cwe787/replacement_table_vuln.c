// Escapes the text of each command-line argument for an XML attribute.
// The output is sized at four bytes a character, but the replacement
// for a quote, &quot;, takes six.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *xml_escape(const char *s);

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        char *x = xml_escape(argv[i]);
        if (x == NULL) {
            return 1;
        }
        printf("<arg value=\"%s\"/>\n", x);
        free(x);
    }
    return 0;
}

static char *xml_escape(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n * 4 + 1); // want CWE-787
    if (out == NULL) {
        return NULL;
    }
    char *w = out;
    for (; *s; s++) {
        const char *rep = NULL;
        if (*s == '&') {
            rep = "&amp;";
        } else if (*s == '<') {
            rep = "&lt;";
        } else if (*s == '"') {
            rep = "&quot;";
        }
        if (rep != NULL) {
            size_t r = strlen(rep);
            memcpy(w, rep, r);
            w += r;
        } else {
            *w++ = *s;
        }
    }
    *w = '\0';
    return out;
}
