// CWE-20, fixed: the length parsed by a helper is checked on both
// sides before it sizes the read.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 64

struct entry {
    char name[NAME_MAX_LEN];
    size_t name_len;
};

static int parse_length(const char *field, long *out)
{
    char *end;
    *out = strtol(field, &end, 10);
    if (end == field)
        return -1;
    return 0;
}

static int load_entry(FILE *in, struct entry *e)
{
    char line[32];
    long n;

    if (fgets(line, sizeof line, in) == NULL || parse_length(line, &n) != 0)
        return -1;
    if (n < 0 || n > NAME_MAX_LEN)
        return -1;
    e->name_len = fread(e->name, 1, (size_t)n, in);
    return 0;
}

int main(void)
{
    struct entry e;
    while (load_entry(stdin, &e) == 0)
        printf("%.*s\n", (int)e.name_len, e.name);
    return 0;
}
