/* Status decoder: translates numeric device status codes from the command line into descriptions. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

struct status_desc {
    const char *name;
    const char *text;
};

static const struct status_desc table[] = {
    { "OK",       "device ready" },
    { "BUSY",     "operation in progress" },
    { "NOMEDIA",  "no medium inserted" },
    { "JAM",      "paper jam" },
    { "OVERHEAT", "temperature limit reached" },
    { "OFFLINE",  "device offline" },
};

#define NSTATUS (sizeof table / sizeof table[0])

static const struct status_desc *lookup_status(long code)
{
    if (code < 0 || code > (long)NSTATUS)
        return NULL;
    return &table[code];
}

static int parse_code(const char *s, long *out)
{
    char *end;
    errno = 0;
    *out = strtol(s, &end, 0);
    return (errno == 0 && end != s && *end == '\0') ? 0 : -1;
}

int main(int argc, char **argv)
{
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        long code;
        const struct status_desc *d;
        if (parse_code(argv[i], &code) != 0) {
            fprintf(stderr, "%s: not a number\n", argv[i]);
            bad++;
            continue;
        }
        d = lookup_status(code);
        if (!d) {
            printf("%ld: unknown status\n", code);
            continue;
        }
        printf("%ld: %s (%s)\n", code, d->name, d->text);
    }
    return bad ? 1 : 0;
}
