// CWE-20, fixed: the count from strtoul is compared with the number of
// elements (a "-1" given as ULONG_MAX fails the test).
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
    if (count > sizeof batch / sizeof batch[0])
        return 2;
    in = fopen(argv[1], "rb");
    if (in == NULL)
        return 1;
    size_t got = fread(batch, sizeof batch[0], count, in);
    fclose(in);
    printf("%zu samples\n", got);
    return 0;
}
