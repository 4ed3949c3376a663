/* Reassembles a fragmented message from a capture file and prints its length, checksum and preview. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <ctype.h>

#define MAX_FILE (1u << 20)
#define MAX_FRAGS 64

struct fragment {
    size_t off;
    uint16_t len;
};

struct capture {
    unsigned char *data;
    size_t size;
    struct fragment frags[MAX_FRAGS];
    size_t nfrags;
};

static int load_file(const char *path, struct capture *cap)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    cap->data = malloc(MAX_FILE);
    if (!cap->data) {
        fclose(f);
        return -1;
    }
    cap->size = fread(cap->data, 1, MAX_FILE, f);
    fclose(f);
    return 0;
}

static int parse_fragments(struct capture *cap)
{
    size_t pos = 4;
    if (cap->size < 4 || memcmp(cap->data, "FRG1", 4) != 0)
        return -1;
    while (pos < cap->size) {
        if (cap->size - pos < 3 || cap->nfrags >= MAX_FRAGS)
            return -1;
        unsigned flags = cap->data[pos];
        uint16_t len = (uint16_t)((cap->data[pos + 1] << 8) | cap->data[pos + 2]);
        pos += 3;
        if (len > cap->size - pos)
            return -1;
        cap->frags[cap->nfrags].off = pos;
        cap->frags[cap->nfrags].len = len;
        cap->nfrags++;
        pos += len;
        if (flags & 1)
            break;
    }
    return cap->nfrags > 0 ? 0 : -1;
}

static int message_length(const struct capture *cap, uint16_t *out)
{
    uint16_t total = 0;
    for (size_t i = 0; i < cap->nfrags; i++)
        total += cap->frags[i].len;
    *out = total;
    return 0;
}

static unsigned char *assemble(const struct capture *cap, size_t *out_len)
{
    uint16_t total;
    if (message_length(cap, &total) != 0)
        return NULL;
    unsigned char *msg = malloc(total ? total : 1);
    if (!msg)
        return NULL;
    size_t at = 0;
    for (size_t i = 0; i < cap->nfrags; i++) {
        memcpy(msg + at, cap->data + cap->frags[i].off, cap->frags[i].len);
        at += cap->frags[i].len;
    }
    *out_len = at;
    return msg;
}

static void print_summary(const unsigned char *msg, size_t len)
{
    uint32_t sum = 0;
    for (size_t i = 0; i < len; i++)
        sum = (sum << 5) + sum + msg[i];
    printf("message: %zu bytes, checksum %08x\npreview: ", len, (unsigned)sum);
    for (size_t i = 0; i < len && i < 32; i++)
        putchar(isprint(msg[i]) ? msg[i] : '.');
    putchar('\n');
}

int main(int argc, char **argv)
{
    struct capture cap = {0};
    size_t len = 0;
    if (argc != 2) {
        fprintf(stderr, "usage: %s capture.frg\n", argv[0]);
        return 1;
    }
    if (load_file(argv[1], &cap) != 0) {
        perror(argv[1]);
        return 1;
    }
    if (parse_fragments(&cap) != 0) {
        fprintf(stderr, "malformed capture\n");
        free(cap.data);
        return 1;
    }
    unsigned char *msg = assemble(&cap, &len);
    if (!msg) {
        fprintf(stderr, "cannot assemble message\n");
        free(cap.data);
        return 1;
    }
    print_summary(msg, len);
    free(msg);
    free(cap.data);
    return 0;
}
