// The name on the command line is joined to a data directory by a helper.
#include <stdio.h>

static FILE *open_data(const char *name);

int main(int argc, char *argv[]) {
    if (argc != 2) {
        return 2;
    }
    FILE *fp = open_data(argv[1]);
    if (fp == NULL) {
        return 1;
    }
    fclose(fp);
    return 0;
}

static FILE *open_data(const char *name) {
    char path[256];
    snprintf(path, sizeof path, "/opt/app/data/%s", name);
    return fopen(path, "rb"); // want CWE-22
}
