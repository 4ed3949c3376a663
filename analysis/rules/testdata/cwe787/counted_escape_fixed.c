// Prints each command-line argument as a JSON string. The escaped copy
// is sized by a first pass that counts every character the copy
// escapes: quotes, backslashes, newlines and tabs.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *json_string(const char *s);

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        char *js = json_string(argv[i]);
        if (js == NULL) {
            return 1;
        }
        puts(js);
        free(js);
    }
    return 0;
}

static char *json_string(const char *s)
{
    size_t n = strlen(s), extra = 0, o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"' || s[i] == '\\' || s[i] == '\n' || s[i] == '\t') {
            extra++;
        }
    }
    char *out = malloc(n + extra + 3);
    if (out == NULL) {
        return NULL;
    }
    out[o++] = '"';
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"' || c == '\\' || c == '\n' || c == '\t') {
            out[o++] = '\\';
            c = c == '\n' ? 'n' : c == '\t' ? 't' : c;
        }
        out[o++] = c;
    }
    out[o++] = '"';
    out[o] = '\0';
    return out;
}
