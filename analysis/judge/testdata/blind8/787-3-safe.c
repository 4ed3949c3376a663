/* Converts a comma-separated data file with a header line into a JSON array of objects on stdout. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 16

struct row {
    char *fields[MAX_FIELDS];
    size_t count;
};

static void split_line(char *line, struct row *r)
{
    r->count = 0;
    line[strcspn(line, "\r\n")] = '\0';
    char *p = line;
    while (r->count < MAX_FIELDS) {
        r->fields[r->count++] = p;
        char *comma = strchr(p, ',');
        if (!comma)
            break;
        *comma = '\0';
        p = comma + 1;
    }
}

static char *escape_json(const char *s)
{
    static const char hex[] = "0123456789abcdef";
    size_t len = strlen(s);
    if (len > (SIZE_MAX - 3) / 6)
        return NULL;
    char *out = malloc(6 * len + 3);
    if (!out)
        return NULL;
    char *o = out;
    *o++ = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':  *o++ = '\\'; *o++ = '"'; break;
        case '\\': *o++ = '\\'; *o++ = '\\'; break;
        case '\n': *o++ = '\\'; *o++ = 'n'; break;
        case '\t': *o++ = '\\'; *o++ = 't'; break;
        default:
            if (*p < 0x20) {
                *o++ = '\\'; *o++ = 'u'; *o++ = '0'; *o++ = '0';
                *o++ = hex[*p >> 4];
                *o++ = hex[*p & 0xf];
            } else {
                *o++ = (char)*p;
            }
        }
    }
    *o++ = '"';
    *o = '\0';
    return out;
}

static int print_json_string(const char *s)
{
    char *esc = escape_json(s);
    if (!esc)
        return -1;
    fputs(esc, stdout);
    free(esc);
    return 0;
}

static int print_object(const struct row *header, const struct row *r)
{
    putchar('{');
    for (size_t i = 0; i < header->count && i < r->count; i++) {
        if (i)
            putchar(',');
        if (print_json_string(header->fields[i]) != 0)
            return -1;
        putchar(':');
        if (print_json_string(r->fields[i]) != 0)
            return -1;
    }
    putchar('}');
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.csv\n", argv[0]);
        return 2;
    }
    FILE *fp = fopen(argv[1], "r");
    if (!fp) {
        perror(argv[1]);
        return 1;
    }
    char *head_line = NULL, *line = NULL;
    size_t head_cap = 0, cap = 0;
    struct row header, r;
    int rc = 0;

    if (getline(&head_line, &head_cap, fp) < 0) {
        fprintf(stderr, "empty file\n");
        rc = 1;
        goto done;
    }
    split_line(head_line, &header);
    putchar('[');
    int first = 1;
    while (getline(&line, &cap, fp) >= 0) {
        if (line[0] == '\n' || line[0] == '\0')
            continue;
        split_line(line, &r);
        if (!first)
            puts(",");
        first = 0;
        if (print_object(&header, &r) != 0) {
            fprintf(stderr, "out of memory\n");
            rc = 1;
            break;
        }
    }
    puts("]");
done:
    free(line);
    free(head_line);
    fclose(fp);
    return rc;
}
