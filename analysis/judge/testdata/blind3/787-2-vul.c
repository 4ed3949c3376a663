// CSV column extractor: prints one comma-separated column of each stdin line, truncated to a set display width.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIELD_MAX 24

static int get_field(const char *line, int col, char out[FIELD_MAX])
{
    const char *p = line;
    size_t len;

    for (int i = 0; i < col; i++) {
        p = strchr(p, ',');
        if (!p)
            return -1;
        p++;
    }
    len = strcspn(p, ",\r\n");
    if (len > FIELD_MAX)
        len = FIELD_MAX;
    memcpy(out, p, len);
    out[len] = '\0';
    return (int)len;
}

int main(int argc, char **argv)
{
    int col = argc > 1 ? atoi(argv[1]) : 0;
    char line[1024];
    char field[FIELD_MAX];
    unsigned rows = 0, missing = 0;

    if (col < 0) {
        fprintf(stderr, "column must be >= 0\n");
        return 2;
    }
    while (fgets(line, sizeof line, stdin)) {
        if (get_field(line, col, field) < 0) {
            missing++;
            continue;
        }
        printf("%-*s|\n", FIELD_MAX - 1, field);
        rows++;
    }
    fprintf(stderr, "%u rows, %u without column %d\n", rows, missing, col);
    return 0;
}
