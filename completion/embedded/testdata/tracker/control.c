#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 16
#define SQUARE(x) ((x) * (x))
#define LOG(fmt, ...) fprintf(stderr, fmt, __VA_ARGS__)

typedef unsigned long count_t;

enum color { RED, GREEN = 2, BLUE };

union value {
    int i;
    double d;
};

struct item {
    const char *name;
    enum color color;
    union value v;
};

static int classify(int n) {
    switch (n % 3) {
    case 0:
        return 0;
    case 1:
        break;
    default:
        return -1;
    }
    return 1;
}

/* sum_positive adds the positive values, skipping the others. */
long sum_positive(const int *values, size_t n) {
    long total = 0;
    for (size_t i = 0; i < n; i++) {
        if (values[i] <= 0) {
            continue;
        } else if (values[i] > 1000) {
            break;
        }
        total += values[i];
    }
    return total;
}

int find(const char *s, char c) {
    int i = 0;
    do {
        if (s[i] == c)
            return i;
        i++;
    } while (s[i] != '\0');
    goto missing;
missing:
    return -1;
}

int main(int argc, char **argv) {
    struct item items[MAX_ITEMS];
    count_t used = 0;
    char buf[64];
    int *p = malloc(sizeof(int) * 4);
    if (p == NULL) {
        return 1;
    }
    memset(buf, 0, sizeof buf);
    strncpy(buf, argc > 1 ? argv[1] : "none", sizeof(buf) - 1);
    items[used].name = buf;
    items[used].color = GREEN;
    items[used].v.d = 2.5;
    used++;
    p[0] = SQUARE(3);
    *p += classify(argc);
    while (used < 2 && !feof(stdin)) {
        used += 1;
    }
    LOG("%s %lu %d\n", items[0].name, used, find(buf, 'n'));
    free(p);
    return (int)used;
}
