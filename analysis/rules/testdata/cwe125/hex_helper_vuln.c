// Decodes %XX escapes of a form value given on the command line, with a
// digit classifier of its own, and prints the value.
#include <stdio.h>

static int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void decode(const char *src)
{
    while (*src) {
        if (*src == '%' && digit_value((unsigned char)src[1]) >= 0) {
            int lo = digit_value((unsigned char)src[2]);
            putchar(lo >= 0 ? digit_value((unsigned char)src[1]) * 16 + lo : '?');
            src += 3; // want CWE-125:cwe125-past-terminator
        } else {
            putchar(*src++);
        }
    }
    putchar('\n');
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        decode(argv[i]);
    return 0;
}
