// The validator looks at every character and refuses any '/'.
#include <stdio.h>
#include <string.h>

static int name_ok(const char *name) {
    if (name[0] == '\0' || name[0] == '.') {
        return 0;
    }
    for (const char *p = name; *p != '\0'; p++) {
        if (*p == '/') {
            return 0;
        }
    }
    return 1;
}

int main(void) {
    char name[100], path[200];
    if (scanf("%99s", name) != 1 || !name_ok(name)) {
        return 1;
    }
    snprintf(path, sizeof path, "/srv/notes/%s", name);
    FILE *fp = fopen(path, "r");
    if (fp != NULL) {
        fgetc(fp);
        fclose(fp);
    }
    return 0;
}
