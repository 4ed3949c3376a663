// Loads the directory of a package file: a 32-bit entry count, then
// 16-byte entries. The table is sized with a 32-bit product of the count
// the file gives, which wraps for a count of 2^28 or more.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENTRY_SIZE 16

struct pack {
    unsigned char *raw;
    size_t len;
};

static int load_dir(FILE *fp, unsigned char **table);

int main(int argc, char **argv)
{
    if (argc != 2) {
        return 2;
    }
    FILE *fp = fopen(argv[1], "rb");
    if (fp == NULL) {
        return 1;
    }
    unsigned char *table = NULL;
    int rc = load_dir(fp, &table);
    fclose(fp);
    free(table);
    return rc == 0 ? 0 : 1;
}

static int load_dir(FILE *fp, unsigned char **table)
{
    struct pack pk;
    pk.raw = malloc(1 << 16);
    if (pk.raw == NULL) {
        return -1;
    }
    pk.len = fread(pk.raw, 1, 1 << 16, fp);
    size_t len = pk.len;
    uint32_t count;
    if (len < 8) {
        free(pk.raw);
        return -1;
    }
    memcpy(&count, pk.raw, sizeof count);
    unsigned char *t = malloc(count * ENTRY_SIZE); // want CWE-190
    if (t == NULL) {
        free(pk.raw);
        return -1;
    }
    for (uint32_t i = 0; i < count && 8 + ((size_t)i + 1) * ENTRY_SIZE <= len; i++) {
        const unsigned char *rec = pk.raw + 8 + (size_t)i * ENTRY_SIZE;
        memcpy(t + (size_t)i * ENTRY_SIZE, rec, ENTRY_SIZE);
    }
    free(pk.raw);
    *table = t;
    return 0;
}
