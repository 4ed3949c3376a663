// Reads a length-prefixed record from stdin ("N:" then N bytes) and
// prints it as a string. The buffer is allocated one byte longer than the
// record, for the terminator written after it.
#include <stdio.h>
#include <stdlib.h>

static char *read_record(FILE *in)
{
    size_t n;
    if (fscanf(in, "%zu:", &n) != 1 || n > 4096) {
        return NULL;
    }
    char *rec = malloc(n + 1);
    if (rec == NULL) {
        return NULL;
    }
    if (fread(rec, 1, n, in) != n) {
        free(rec);
        return NULL;
    }
    rec[n] = '\0';
    return rec;
}

int main(void)
{
    char *rec = read_record(stdin);
    if (rec == NULL) {
        return 1;
    }
    puts(rec);
    free(rec);
    return 0;
}
