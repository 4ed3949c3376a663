// The label's layout is a constant; the environment only names a prefix.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    char label[128];
    const char *prefix = getenv("LABEL_PREFIX");
    if (prefix == NULL) {
        prefix = "item";
    }
    for (int i = 0; i < 3; i++) {
        snprintf(label, sizeof label, "%s %d", prefix, i);
        puts(label);
    }
    return 0;
}
