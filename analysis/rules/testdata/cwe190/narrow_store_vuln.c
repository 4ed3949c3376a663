// Reads a count of fixed-size samples from a file header and loads them
// into one allocation.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct sample {
    uint64_t at;
    double value;
};

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    FILE *fp = fopen(argv[1], "rb");
    if (fp == NULL)
        return 1;
    uint32_t count;
    if (fread(&count, sizeof count, 1, fp) != 1) {
        fclose(fp);
        return 1;
    }
    unsigned int bytes = count * sizeof(struct sample); // want CWE-190
    struct sample *s = malloc(bytes);
    if (s == NULL) {
        fclose(fp);
        return 1;
    }
    size_t got = fread(s, sizeof *s, bytes / sizeof *s, fp);
    printf("%zu samples\n", got);
    free(s);
    fclose(fp);
    return 0;
}
