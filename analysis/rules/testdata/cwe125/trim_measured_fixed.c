// Prints the "key = value" lines of stdin with the blanks around the key
// trimmed. The key's length is measured from the line (up to the '='),
// so the trim reads only the key.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t trimmed_len(const char *s, size_t n);

int main(void)
{
    char line[256];
    while (fgets(line, sizeof line, stdin) != NULL) {
        char *key = line;
        while (isdigit((unsigned char)*key) || *key == ' ') {
            key++;
        }
        const char *eq = strchr(key, '=');
        if (eq == NULL) {
            continue;
        }
        size_t n = trimmed_len(key, (size_t)(eq - key));
        printf("%.*s\n", (int)n, key);
    }
    return 0;
}

static size_t trimmed_len(const char *s, size_t n)
{
    while (n > 0 && isspace((unsigned char)s[n - 1])) {
        n--;
    }
    return n;
}
