// main hands the requested name to a helper that joins it to the spool directory.
#include <stdio.h>
#include <string.h>

static int print_spooled(const char *dir, const char *name);

int main(void) {
    char name[128];
    if (fgets(name, sizeof name, stdin) == NULL) {
        return 1;
    }
    name[strcspn(name, "\n")] = '\0';
    return print_spooled("/var/spool/jobs", name);
}

static int print_spooled(const char *dir, const char *name) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "r"); // want CWE-22
    if (fp == NULL) {
        return 1;
    }
    int c;
    while ((c = fgetc(fp)) != EOF) {
        putchar(c);
    }
    fclose(fp);
    return 0;
}
