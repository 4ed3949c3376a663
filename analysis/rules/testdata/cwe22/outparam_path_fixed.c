// The helper resolves the joined path and checks it is still under the themes directory.
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int theme_path(const char *theme, char *out, size_t n) {
    char joined[PATH_MAX];
    if (n < PATH_MAX || snprintf(joined, sizeof joined, "/usr/share/themes/%s/colors", theme) >= (int)sizeof joined) {
        return -1;
    }
    if (realpath(joined, out) == NULL) {
        return -1;
    }
    if (strncmp(out, "/usr/share/themes/", 18) != 0) {
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
    FILE *fp = fopen(path, "r");
    if (fp != NULL) {
        fclose(fp);
    }
    return 0;
}
