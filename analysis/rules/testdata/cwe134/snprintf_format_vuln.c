// A label is formatted with a layout read from the environment.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    char label[128];
    const char *layout = getenv("LABEL_LAYOUT");
    if (layout == NULL) {
        layout = "item %d";
    }
    for (int i = 0; i < 3; i++) {
        snprintf(label, sizeof label, layout, i); // want CWE-134
        puts(label);
    }
    return 0;
}
