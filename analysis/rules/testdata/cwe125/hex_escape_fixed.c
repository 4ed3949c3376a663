// Turns \xNN escapes in a command-line string into the bytes they name
// and prints the result; other characters, and an escape cut short,
// are copied as they are.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int nibble(char c)
{
    return isdigit((unsigned char)c) ? c - '0' : tolower((unsigned char)c) - 'a' + 10;
}

static void unescape(const char *p, char *out)
{
    while (*p) {
        if (p[0] == '\\' && p[1] == 'x' && isxdigit((unsigned char)p[2]) && isxdigit((unsigned char)p[3])) {
            *out++ = (char)(nibble(p[2]) * 16 + nibble(p[3]));
            p += 4;
        } else {
            *out++ = *p++;
        }
    }
    *out = '\0';
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    char *out = malloc(strlen(argv[1]) + 1);
    if (out == NULL)
        return 1;
    unescape(argv[1], out);
    puts(out);
    free(out);
    return 0;
}
