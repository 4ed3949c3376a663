/* Extracts one named entry from a resource pack file and writes its contents to stdout. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_LEN 16
#define RAW_ENTRY_LEN (NAME_LEN + 2 + 2 + 4)

struct entry {
    char name[NAME_LEN + 1];
    uint16_t off;
    uint16_t len;
    uint32_t sum;
};

struct pack {
    struct entry *entries;
    uint16_t count;
    uint8_t *blob;
    uint16_t blob_len;
};

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static uint32_t adler32(const uint8_t *p, size_t n)
{
    uint32_t a = 1, b = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        a = (a + p[i]) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

static void pack_free(struct pack *pk)
{
    free(pk->entries);
    free(pk->blob);
    memset(pk, 0, sizeof *pk);
}

static int pack_load(FILE *f, struct pack *pk)
{
    uint8_t hdr[6], raw[RAW_ENTRY_LEN];
    long start, end;
    uint16_t i;

    memset(pk, 0, sizeof *pk);
    if (fread(hdr, 1, sizeof hdr, f) != sizeof hdr || memcmp(hdr, "RPK1", 4) != 0)
        return -1;
    pk->count = get16(hdr + 4);
    pk->entries = calloc(pk->count ? pk->count : 1, sizeof *pk->entries);
    if (!pk->entries)
        return -1;
    for (i = 0; i < pk->count; i++) {
        struct entry *e = &pk->entries[i];
        if (fread(raw, 1, sizeof raw, f) != sizeof raw)
            goto fail;
        memcpy(e->name, raw, NAME_LEN);
        e->name[NAME_LEN] = '\0';
        e->off = get16(raw + NAME_LEN);
        e->len = get16(raw + NAME_LEN + 2);
        e->sum = get32(raw + NAME_LEN + 4);
    }
    if ((start = ftell(f)) < 0 || fseek(f, 0, SEEK_END) != 0 || (end = ftell(f)) < start ||
        fseek(f, start, SEEK_SET) != 0 || end - start > UINT16_MAX)
        goto fail;
    pk->blob_len = (uint16_t)(end - start);
    pk->blob = malloc(pk->blob_len ? pk->blob_len : 1);
    if (!pk->blob || fread(pk->blob, 1, pk->blob_len, f) != pk->blob_len)
        goto fail;
    return 0;
fail:
    pack_free(pk);
    return -1;
}

static const struct entry *pack_find(const struct pack *pk, const char *name)
{
    uint16_t i;
    for (i = 0; i < pk->count; i++)
        if (strcmp(pk->entries[i].name, name) == 0)
            return &pk->entries[i];
    return NULL;
}

static const uint8_t *entry_data(const struct pack *pk, const struct entry *e)
{
    uint32_t end = (uint32_t)e->off + e->len;
    if (end > pk->blob_len)
        return NULL;
    return pk->blob + e->off;
}

int main(int argc, char **argv)
{
    struct pack pk;
    const struct entry *e;
    const uint8_t *data;
    FILE *f;
    int rc = 1;

    if (argc != 3) {
        fprintf(stderr, "usage: %s <pack> <entry>\n", argv[0]);
        return 2;
    }
    if (!(f = fopen(argv[1], "rb"))) {
        perror(argv[1]);
        return 1;
    }
    if (pack_load(f, &pk) != 0) {
        fprintf(stderr, "%s: not a valid resource pack\n", argv[1]);
        fclose(f);
        return 1;
    }
    fclose(f);
    if (!(e = pack_find(&pk, argv[2])))
        fprintf(stderr, "%s: no such entry\n", argv[2]);
    else if (!(data = entry_data(&pk, e)))
        fprintf(stderr, "%s: entry lies outside the pack\n", argv[2]);
    else if (adler32(data, e->len) != e->sum)
        fprintf(stderr, "%s: checksum mismatch\n", argv[2]);
    else if (fwrite(data, 1, e->len, stdout) == e->len)
        rc = 0;
    pack_free(&pk);
    return rc;
}
