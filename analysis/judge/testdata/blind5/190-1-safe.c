/* Lists the entries of a simple PAK archive file, or prints the size and CRC-32 of one named entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define PAK_MAGIC "PAK1"
#define NAME_SIZE 24
#define ENTRY_SIZE (NAME_SIZE + 8)
#define MAX_ENTRIES 1024
#define MAX_FILE (64L * 1024 * 1024)

struct pak_entry {
    char name[NAME_SIZE + 1];
    uint32_t offset;
    uint32_t length;
};

struct pak {
    unsigned char *raw;
    size_t raw_len;
    struct pak_entry *entries;
    uint32_t count;
    const unsigned char *data;
    uint32_t data_len;
};

static uint32_t get_u32le(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *buf = NULL;
    long size;

    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) == 0 && (size = ftell(fp)) > 0 && size <= MAX_FILE &&
        fseek(fp, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)size);
        if (buf && fread(buf, 1, (size_t)size, fp) != (size_t)size) {
            free(buf);
            buf = NULL;
        }
        *len = (size_t)size;
    }
    fclose(fp);
    return buf;
}

static int pak_open(struct pak *pk, const char *path)
{
    size_t table_end;
    uint32_t i;

    memset(pk, 0, sizeof *pk);
    pk->raw = read_file(path, &pk->raw_len);
    if (!pk->raw || pk->raw_len < 8 || memcmp(pk->raw, PAK_MAGIC, 4) != 0)
        return -1;
    pk->count = get_u32le(pk->raw + 4);
    if (pk->count > MAX_ENTRIES)
        return -1;
    table_end = 8 + (size_t)pk->count * ENTRY_SIZE;
    if (table_end > pk->raw_len)
        return -1;
    pk->entries = calloc(pk->count ? pk->count : 1, sizeof *pk->entries);
    if (!pk->entries)
        return -1;
    for (i = 0; i < pk->count; i++) {
        const unsigned char *rec = pk->raw + 8 + (size_t)i * ENTRY_SIZE;
        memcpy(pk->entries[i].name, rec, NAME_SIZE);
        pk->entries[i].name[NAME_SIZE] = '\0';
        pk->entries[i].offset = get_u32le(rec + NAME_SIZE);
        pk->entries[i].length = get_u32le(rec + NAME_SIZE + 4);
    }
    pk->data = pk->raw + table_end;
    pk->data_len = (uint32_t)(pk->raw_len - table_end);
    return 0;
}

static void pak_close(struct pak *pk)
{
    free(pk->entries);
    free(pk->raw);
}

static const struct pak_entry *pak_find(const struct pak *pk, const char *name)
{
    uint32_t i;
    for (i = 0; i < pk->count; i++)
        if (strcmp(pk->entries[i].name, name) == 0)
            return &pk->entries[i];
    return NULL;
}

static int entry_in_range(const struct pak *pk, const struct pak_entry *e)
{
    return e->offset <= pk->data_len && e->length <= pk->data_len - e->offset;
}

static uint32_t crc32_update(uint32_t crc, const unsigned char *p, uint32_t n)
{
    uint32_t i;
    int k;

    crc = ~crc;
    for (i = 0; i < n; i++) {
        crc ^= p[i];
        for (k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

int main(int argc, char **argv)
{
    struct pak pk;
    const struct pak_entry *e;
    uint32_t i;

    if (argc < 2) {
        fprintf(stderr, "usage: %s archive.pak [entry]\n", argv[0]);
        return 1;
    }
    if (pak_open(&pk, argv[1]) != 0) {
        fprintf(stderr, "cannot read archive\n");
        pak_close(&pk);
        return 1;
    }
    if (argc < 3) {
        for (i = 0; i < pk.count; i++)
            printf("%-24s %10u bytes\n", pk.entries[i].name, (unsigned)pk.entries[i].length);
        pak_close(&pk);
        return 0;
    }
    e = pak_find(&pk, argv[2]);
    if (!e || !entry_in_range(&pk, e)) {
        fprintf(stderr, "no such entry or entry is damaged\n");
        pak_close(&pk);
        return 1;
    }
    printf("%s: %u bytes, crc32 %08x\n", e->name, (unsigned)e->length,
           (unsigned)crc32_update(0, pk.data + e->offset, e->length));
    pak_close(&pk);
    return 0;
}
