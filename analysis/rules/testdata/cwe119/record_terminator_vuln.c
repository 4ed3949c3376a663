// Reads a length-prefixed record from stdin ("N:" then N bytes) and
// prints it as a string. The buffer has room for the N bytes but not for
// the terminator written after them.
#include <stdio.h>
#include <stdlib.h>

static char *read_record(FILE *in)
{
    size_t n;
    if (fscanf(in, "%zu:", &n) != 1 || n > 4096) {
        return NULL;
    }
    char *rec = malloc(n);
    if (rec == NULL) {
        return NULL;
    }
    if (fread(rec, 1, n, in) != n) {
        free(rec);
        return NULL;
    }
    rec[n] = '\0'; // want CWE-119 CWE-129 CWE-787
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
