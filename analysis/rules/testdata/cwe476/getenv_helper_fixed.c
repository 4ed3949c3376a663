// $EDITOR, which may be unset, is handed to a helper that tests it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t name_length(const char *s) {
    if (s == NULL)
        return 0;
    return strlen(s);
}

int main(void) {
    const char *editor = getenv("EDITOR");
    printf("%zu\n", name_length(editor));
    return 0;
}
