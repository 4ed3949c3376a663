// Prints the upper-cased value of one key of a "key=value&key=value"
// query given as the first argument. The value's length is read from a
// "len" key of the query, so a "len" larger than the value reads past
// its end and writes past the caller's buffer.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void upper_copy(char *out, const char *s, size_t n);

static char *value_of(const char *qs, const char *key)
{
    size_t klen = strlen(key);
    const char *len = strstr(qs, "len=");
    while (qs != NULL && *qs != '\0') {
        const char *amp = strchr(qs, '&');
        if (strncmp(qs, key, klen) == 0 && qs[klen] == '=' && len != NULL) {
            size_t n = (size_t)atoi(len + 4);
            char *out = malloc(64);
            if (out != NULL) {
                upper_copy(out, qs + klen + 1, n);
            }
            return out;
        }
        qs = amp ? amp + 1 : NULL;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        return 1;
    }
    char *v = value_of(argv[1], "name");
    if (v != NULL) {
        puts(v);
        free(v);
    }
    return 0;
}

static void upper_copy(char *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) { // want CWE-20
        out[i] = (char)toupper((unsigned char)s[i]);
    }
    out[n] = '\0'; // want CWE-119 CWE-787
}
