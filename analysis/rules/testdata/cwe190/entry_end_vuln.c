// Lists the entries of a resource pack named on the command line: a
// table of (offset, length) pairs of 16 bits each. The end of an entry
// is summed in 16 bits, so offset 8 with length 0xfffc wraps to 4 and
// passes the check against the pack's size.
#include <stdint.h>
#include <stdio.h>

struct entry {
    uint16_t off;
    uint16_t len;
};

static int entry_fits(const struct entry *e, size_t pack_size);

int main(int argc, char **argv)
{
    unsigned char pack[4096];
    if (argc != 2) {
        return 2;
    }
    FILE *fp = fopen(argv[1], "rb");
    if (fp == NULL) {
        return 1;
    }
    size_t size = fread(pack, 1, sizeof pack, fp);
    fclose(fp);
    struct entry e;
    for (size_t at = 0; at + 4 <= size && at < 64; at += 4) {
        e.off = (uint16_t)(pack[at] | pack[at + 1] << 8);
        e.len = (uint16_t)(pack[at + 2] | pack[at + 3] << 8);
        printf("%u+%u %s\n", e.off, e.len, entry_fits(&e, size) ? "ok" : "outside");
    }
    return 0;
}

static int entry_fits(const struct entry *e, size_t pack_size)
{
    uint16_t end = e->off + e->len; // want CWE-190
    return end <= pack_size;
}
