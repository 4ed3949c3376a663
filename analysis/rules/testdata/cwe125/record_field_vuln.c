// Prints one field of a fixed-layout record read from a file; the field
// offset is checked against the record, its length only against the
// output buffer.
#include <stdio.h>
#include <string.h>

struct record {
    const unsigned char *bytes;
    size_t size;
};

static int field_at(const struct record *rec, size_t off, size_t len,
                    char *out, size_t out_cap)
{
    if (off >= rec->size)
        return -1;
    if (len >= out_cap)
        return -1;
    memcpy(out, rec->bytes + off, len); // want CWE-119 CWE-125
    out[len] = '\0';
    return 0;
}

int main(int argc, char **argv)
{
    unsigned char raw[512];
    char field[64];
    size_t off, len;
    FILE *fp;

    if (argc != 2 || (fp = fopen(argv[1], "rb")) == NULL)
        return 2;
    struct record rec = {raw, fread(raw, 1, sizeof raw, fp)};
    fclose(fp);
    if (scanf("%zu %zu", &off, &len) != 2)
        return 2;
    if (field_at(&rec, off, len, field, sizeof field) != 0)
        return 1;
    puts(field);
    return 0;
}
