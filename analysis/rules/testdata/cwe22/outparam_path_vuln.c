// A helper writes the joined path into the caller's buffer; main opens it.
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int theme_path(const char *theme, char *out, size_t n) {
    if (snprintf(out, n, "/usr/share/themes/%s/colors", theme) >= (int)n) {
        return -1;
    }
    return 0;
}

int main(void) {
    char path[PATH_MAX];
    const char *theme = getenv("THEME");
    if (theme == NULL || theme_path(theme, path, sizeof path) != 0) {
        return 1;
    }
    FILE *fp = fopen(path, "r"); // want CWE-22
    if (fp != NULL) {
        fclose(fp);
    }
    return 0;
}
