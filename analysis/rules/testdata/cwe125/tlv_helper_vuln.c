// Lists the entries of a packed table read from stdin: each entry is a
// one-byte length and that many name bytes, printed by a helper.
#include <stdio.h>

static void show(const unsigned char *name, size_t len)
{
    if (len > 255)
        return; // a name is at most 255 bytes
    for (size_t i = 0; i < len; i++)
        putchar(name[i]);
    putchar('\n');
}

static void list(const unsigned char *table, size_t size)
{
    size_t at = 0;
    while (at < size) {
        size_t len = table[at];
        show(table + at + 1, len); // want CWE-119 CWE-125
        at += 1 + len;
    }
}

int main(void)
{
    unsigned char table[1024];
    size_t size = fread(table, 1, sizeof table, stdin);
    list(table, size);
    return 0;
}
