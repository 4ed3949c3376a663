// Prints a string with its backslash escapes (\n, \t, \\) expanded; an
// unknown escape keeps the character after the backslash.
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
        default:
            putchar(s[1]);
            s += 2; // want CWE-125:cwe125-past-terminator
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
