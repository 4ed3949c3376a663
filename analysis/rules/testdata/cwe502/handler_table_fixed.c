// A plugin host restores its handlers from a state file written by the
// previous run: each record holds the number of the handler to call,
// checked against the program's own table.
#include <stdio.h>

static int double_it(int x) { return 2 * x; }
static int negate(int x) { return -x; }

static int (*const handlers[])(int) = {double_it, negate};

struct saved_handler {
    int id;
    unsigned kind;
    int arg;
};

static int run_saved(const char *state) {
    FILE *fp = fopen(state, "rb");
    if (fp == NULL) {
        return -1;
    }
    struct saved_handler h;
    size_t got = fread(&h, sizeof h, 1, fp);
    fclose(fp);
    if (got != 1 || h.kind >= sizeof handlers / sizeof handlers[0]) {
        return -1;
    }
    return handlers[h.kind](h.arg);
}

int main(int argc, char **argv) {
    return argc > 1 ? run_saved(argv[1]) : 1;
}
