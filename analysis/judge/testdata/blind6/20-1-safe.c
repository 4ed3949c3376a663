/* Reads a file of seat booking commands for a small theatre and prints the resulting seating chart. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROWS 8
#define COLS 12

struct seating {
    int rows;
    int cols;
    int *owner;            /* rows * cols entries, 0 = free, otherwise customer id */
};

static int seating_init(struct seating *s, int rows, int cols)
{
    s->rows = rows;
    s->cols = cols;
    s->owner = calloc((size_t)rows * (size_t)cols, sizeof *s->owner);
    return s->owner ? 0 : -1;
}

static int *seat_at(struct seating *s, int row, int col)
{
    if (row < 0 || col < 0 || row >= s->rows || col >= s->cols)
        return NULL;
    return &s->owner[row * s->cols + col];
}

static int parse_int(const char *tok, int *out)
{
    char *end;
    long v;

    if (tok == NULL)
        return -1;
    errno = 0;
    v = strtol(tok, &end, 10);
    if (errno != 0 || end == tok || *end != '\0' || v < -100000 || v > 100000)
        return -1;
    *out = (int)v;
    return 0;
}

static int apply_command(struct seating *s, char *line, int lineno)
{
    char *save = NULL;
    char *verb = strtok_r(line, " \t\r\n", &save);
    int row, col, customer;
    int *seat;

    if (verb == NULL || verb[0] == '#')
        return 0;
    if (parse_int(strtok_r(NULL, " \t\r\n", &save), &row) != 0 ||
        parse_int(strtok_r(NULL, " \t\r\n", &save), &col) != 0) {
        fprintf(stderr, "line %d: expected ROW COL\n", lineno);
        return -1;
    }
    seat = seat_at(s, row, col);
    if (seat == NULL) {
        fprintf(stderr, "line %d: no seat %d/%d\n", lineno, row, col);
        return -1;
    }
    if (strcmp(verb, "book") == 0) {
        if (parse_int(strtok_r(NULL, " \t\r\n", &save), &customer) != 0 || customer <= 0) {
            fprintf(stderr, "line %d: bad customer id\n", lineno);
            return -1;
        }
        if (*seat != 0) {
            fprintf(stderr, "line %d: seat %d/%d already taken\n", lineno, row, col);
            return -1;
        }
        *seat = customer;
    } else if (strcmp(verb, "cancel") == 0) {
        *seat = 0;
    } else {
        fprintf(stderr, "line %d: unknown command '%s'\n", lineno, verb);
        return -1;
    }
    return 0;
}

static void print_chart(const struct seating *s)
{
    for (int r = 0; r < s->rows; r++) {
        printf("%c ", 'A' + r);
        for (int c = 0; c < s->cols; c++)
            putchar(s->owner[r * s->cols + c] ? 'X' : '.');
        putchar('\n');
    }
}

int main(int argc, char **argv)
{
    struct seating hall;
    char line[256];
    int lineno = 0, errors = 0;
    FILE *fp;

    if (argc != 2) {
        fprintf(stderr, "usage: %s BOOKINGS-FILE\n", argv[0]);
        return 2;
    }
    fp = fopen(argv[1], "r");
    if (fp == NULL) {
        perror(argv[1]);
        return 1;
    }
    if (seating_init(&hall, ROWS, COLS) != 0) {
        fclose(fp);
        fputs("out of memory\n", stderr);
        return 1;
    }
    while (fgets(line, sizeof line, fp) != NULL) {
        lineno++;
        if (apply_command(&hall, line, lineno) != 0)
            errors++;
    }
    fclose(fp);
    print_chart(&hall);
    printf("%d error(s)\n", errors);
    free(hall.owner);
    return errors ? 1 : 0;
}
