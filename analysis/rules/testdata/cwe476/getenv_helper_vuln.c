// $EDITOR, which may be unset, is handed to a helper that reads it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t name_length(const char *s) {
    return strlen(s);
}

int main(void) {
    const char *editor = getenv("EDITOR");
    printf("%zu\n", name_length(editor)); // want CWE-476
    return 0;
}
