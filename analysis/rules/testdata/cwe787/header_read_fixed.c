// Prints the name stored in a small record file: a header gives the
// name's length, a parser reads the header whole and checks it.
#include <stdint.h>
#include <stdio.h>

struct rec_header {
    uint32_t tag;
    uint16_t name_len;
};

static int read_rec_header(FILE *fp, struct rec_header *h)
{
    if (fread(h, sizeof *h, 1, fp) != 1 || h->tag != 0x52454331u)
        return -1;
    if (h->name_len > 63)
        return -1;
    return 0;
}

static int print_name(FILE *fp, const struct rec_header *h);

int main(int argc, char **argv)
{
    struct rec_header h;
    FILE *fp = argc == 2 ? fopen(argv[1], "rb") : NULL;
    if (fp == NULL)
        return 2;
    int rc = read_rec_header(fp, &h) == 0 && print_name(fp, &h) == 0 ? 0 : 1;
    fclose(fp);
    return rc;
}

static int print_name(FILE *fp, const struct rec_header *h)
{
    char name[64];
    if (fread(name, 1, h->name_len, fp) != h->name_len)
        return -1;
    printf("%.*s\n", (int)h->name_len, name);
    return 0;
}
