// Prints visitor badges; a badge keeps its label in a fixed array, and
// set_label cuts a text that does not fit to the room in the array.
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
    if (len >= sizeof b->label)
        len = sizeof b->label - 1;
    memcpy(b->label, text, len);
    b->label[len] = '\0';
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
