/* Reads a TLV-encoded sensor record file named on the command line and prints each record. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define TAG_MAX 16
#define PAYLOAD_MAX 48

struct record {
    uint8_t type;
    uint16_t len;
    char tag[TAG_MAX];
    uint8_t payload[PAYLOAD_MAX];
};

static int read_u16be(FILE *fp, uint16_t *out)
{
    int hi = fgetc(fp);
    int lo = fgetc(fp);
    if (hi == EOF || lo == EOF)
        return -1;
    *out = (uint16_t)((hi << 8) | lo);
    return 0;
}

static int read_header(FILE *fp, struct record *rec)
{
    int t = fgetc(fp);
    if (t == EOF)
        return 1;
    rec->type = (uint8_t)t;
    if (read_u16be(fp, &rec->len) != 0)
        return -1;
    return 0;
}

static int read_body(FILE *fp, struct record *rec)
{
    uint16_t taglen;
    if (read_u16be(fp, &taglen) != 0 || taglen >= TAG_MAX)
        return -1;
    if (fread(rec->tag, 1, taglen, fp) != taglen)
        return -1;
    rec->tag[taglen] = '\0';

    if (rec->len > sizeof(rec->payload))
        return -1;
    if (fread(rec->payload, 1, rec->len, fp) != rec->len)
        return -1;
    return 0;
}

static uint32_t checksum(const uint8_t *p, size_t n)
{
    uint32_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum = (sum << 1 | sum >> 31) ^ p[i];
    return sum;
}

static void print_record(const struct record *rec, unsigned index)
{
    printf("#%u type=%u tag=%s len=%u sum=%08x data=", index, rec->type,
           rec->tag, rec->len, (unsigned)checksum(rec->payload, rec->len));
    for (size_t i = 0; i < rec->len && i < 8; i++)
        printf("%02x", rec->payload[i]);
    putchar('\n');
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    FILE *fp = fopen(argv[1], "rb");
    if (!fp) {
        perror(argv[1]);
        return 1;
    }
    char magic[4];
    if (fread(magic, 1, 4, fp) != 4 || memcmp(magic, "TLV1", 4) != 0) {
        fprintf(stderr, "%s: not a TLV1 file\n", argv[1]);
        fclose(fp);
        return 1;
    }

    struct record *rec = malloc(sizeof(*rec));
    if (!rec) {
        fclose(fp);
        return 1;
    }
    unsigned index = 0;
    int rc = 0;
    for (;;) {
        memset(rec, 0, sizeof(*rec));
        int h = read_header(fp, rec);
        if (h == 1)
            break;
        if (h < 0 || read_body(fp, rec) != 0) {
            fprintf(stderr, "record %u: malformed\n", index);
            rc = 1;
            break;
        }
        print_record(rec, index++);
    }
    free(rec);
    fclose(fp);
    return rc;
}
