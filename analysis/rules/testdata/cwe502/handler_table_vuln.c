// A plugin host restores its handlers from a state file written by the
// previous run: each record holds the handler to call.
#include <stdio.h>

struct handler {
    int id;
    int (*run)(int arg);
    int arg;
};

static int run_saved(const char *state) {
    FILE *fp = fopen(state, "rb");
    if (fp == NULL) {
        return -1;
    }
    struct handler h;
    size_t got = fread(&h, sizeof h, 1, fp); // want CWE-502
    fclose(fp);
    if (got != 1) {
        return -1;
    }
    return h.run(h.arg);
}

int main(int argc, char **argv) {
    return argc > 1 ? run_saved(argv[1]) : 1;
}
