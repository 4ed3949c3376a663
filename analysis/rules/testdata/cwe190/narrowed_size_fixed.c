// Packs each line of stdin into a record: a 16-bit length, then the
// text. The length check keeps room for the two header bytes, so the
// record length always fits its 16 bits.
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pack(const char *text, FILE *out);

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, stdin) > 0) {
        if (pack(line, stdout) != 0) {
            break;
        }
    }
    free(line);
    return 0;
}

static int pack(const char *text, FILE *out)
{
    if (strlen(text) > UINT16_MAX - 2) {
        return -1;
    }
    uint16_t reclen = (uint16_t)(strlen(text) + 2);
    unsigned char *rec = malloc(reclen);
    if (rec == NULL) {
        return -1;
    }
    rec[0] = (unsigned char)(reclen >> 8);
    rec[1] = (unsigned char)reclen;
    memcpy(rec + 2, text, reclen - 2);
    size_t put = fwrite(rec, 1, reclen, out);
    free(rec);
    return put == reclen ? 0 : -1;
}
