// The validator only refuses absolute names: "../" still climbs out.
#include <stdio.h>
#include <string.h>

static int name_ok(const char *name) {
    return name[0] != '\0' && name[0] != '/';
}

int main(void) {
    char name[100], path[200];
    if (scanf("%99s", name) != 1 || !name_ok(name)) {
        return 1;
    }
    snprintf(path, sizeof path, "/srv/notes/%s", name);
    FILE *fp = fopen(path, "r"); // want CWE-22
    if (fp != NULL) {
        fgetc(fp);
        fclose(fp);
    }
    return 0;
}
