// Prints visitor badges; a badge keeps its label in a fixed array, and
// set_label copies as many bytes as the text has, whatever the array holds.
#include <stdio.h>
#include <string.h>

#define LABEL_CAP 24

struct badge {
    int number;
    char label[LABEL_CAP];
};

static void set_label(struct badge *b, const char *text)
{
    size_t len = strlen(text);
    memcpy(b->label, text, len + 1); // want CWE-119
}

static void print_badge(const struct badge *b)
{
    printf("#%03d %s\n", b->number, b->label);
}

int main(void)
{
    static const char *const visitors[] = {
        "Ada", "Grace Brewster Murray Hopper, Rear Admiral", "Edsger",
    };
    struct badge b;

    for (int i = 0; i < 3; i++) {
        b.number = i + 1;
        set_label(&b, visitors[i]);
        print_badge(&b);
    }
    return 0;
}
