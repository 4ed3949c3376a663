// Prints the upper-cased value of one key of a "key=value&key=value"
// query given as the first argument. The value's length is measured
// where it ends (the next '&' or the end of the string), and the caller's
// buffer is allocated for it.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void upper_copy(char *out, const char *s, size_t n);

static char *value_of(const char *qs, const char *key)
{
    size_t klen = strlen(key);
    while (qs != NULL && *qs != '\0') {
        const char *amp = strchr(qs, '&');
        size_t plen = amp ? (size_t)(amp - qs) : strlen(qs);
        if (plen > klen && strncmp(qs, key, klen) == 0 && qs[klen] == '=') {
            size_t n = plen - klen - 1;
            char *out = malloc(n + 1);
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
    for (size_t i = 0; i < n; i++) {
        out[i] = (char)toupper((unsigned char)s[i]);
    }
    out[n] = '\0';
}
