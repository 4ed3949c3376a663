// Prints a string with its backslash escapes (\n, \t, \\) expanded; an
// unknown escape keeps the character after the backslash, and a
// backslash at the end stays.
#include <stdio.h>

static void expand(const char *s)
{
    while (*s != '\0') {
        if (*s != '\\') {
            putchar(*s++);
            continue;
        }
        switch (s[1]) {
        case 'n':
            putchar('\n');
            s += 2;
            break;
        case 't':
            putchar('\t');
            s += 2;
            break;
        case '\0':
            putchar('\\'); // a trailing backslash stays
            s++;
            break;
        default:
            putchar(s[1]);
            s += 2;
            break;
        }
    }
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        expand(argv[i]);
        putchar('\n');
    }
    return 0;
}
