// CWE-190, fixed: the helper compares start and count with the table size
// without an addition that can wrap.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char table[256];

static int clear_range(unsigned int start, unsigned int count);

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    unsigned int start = (unsigned int)strtoul(argv[1], NULL, 0);
    unsigned int count = (unsigned int)strtoul(argv[2], NULL, 0);
    if (clear_range(start, count) != 0) {
        fprintf(stderr, "range out of the table\n");
        return 1;
    }
    puts("cleared");
    return 0;
}

static int clear_range(unsigned int start, unsigned int count)
{
    if (start > sizeof table || count > sizeof table - start)
        return -1;
    memset(table + start, 0, count);
    return 0;
}
