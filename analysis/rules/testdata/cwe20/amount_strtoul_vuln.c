// CWE-20: strtoul accepts "-1" as ULONG_MAX, and nothing bounds the count
// of records read into a fixed array.
#include <stdio.h>
#include <stdlib.h>

struct sample {
    int sensor;
    int value;
};

int main(int argc, char **argv)
{
    struct sample batch[32];
    unsigned long count;
    FILE *in;

    if (argc != 3)
        return 2;
    count = strtoul(argv[2], NULL, 10);
    in = fopen(argv[1], "rb");
    if (in == NULL)
        return 1;
    size_t got = fread(batch, sizeof batch[0], count, in); // want CWE-20
    fclose(in);
    printf("%zu samples\n", got);
    return 0;
}
