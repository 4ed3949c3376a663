/* Converts tab-separated records on stdin into RFC 4180 quoted CSV on stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct csv_stats {
    unsigned records;
    unsigned fields;
};

/* Returns a malloc'd copy of the field wrapped in quotes, with embedded quotes doubled. */
static char *csv_quote(const char *in, size_t len)
{
    size_t quotes = 0, o = 0;
    char *out;

    for (size_t i = 0; i < len; i++)
        quotes += in[i] == '"';
    out = malloc(len + quotes + 3);    /* doubled quotes, two quotes and the terminator */
    if (!out)
        return NULL;
    out[o++] = '"';
    for (size_t i = 0; i < len; i++) {
        if (in[i] == '"')
            out[o++] = '"';
        out[o++] = in[i];
    }
    out[o++] = '"';
    out[o] = '\0';
    return out;
}

static int emit_record(char *line, struct csv_stats *st)
{
    char *field = line, *tab;
    int first = 1;

    line[strcspn(line, "\r\n")] = '\0';
    do {
        tab = strchr(field, '\t');
        size_t len = tab ? (size_t)(tab - field) : strlen(field);
        char *q = csv_quote(field, len);
        if (!q)
            return -1;
        printf("%s%s", first ? "" : ",", q);
        free(q);
        first = 0;
        st->fields++;
        if (tab)
            field = tab + 1;
    } while (tab);
    putchar('\n');
    st->records++;
    return 0;
}

int main(void)
{
    struct csv_stats st = { 0, 0 };
    char *line = NULL;
    size_t cap = 0;

    while (getline(&line, &cap, stdin) > 0) {
        if (emit_record(line, &st) < 0)
            break;
    }
    free(line);
    fprintf(stderr, "%u records, %u fields\n", st.records, st.fields);
    return 0;
}
