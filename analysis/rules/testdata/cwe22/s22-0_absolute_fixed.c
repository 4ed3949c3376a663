// 22-0 (C): names with a '/' or "..", and the empty name, are refused.
/*
 * Print a document kept in the /safe/ directory. The document's file name
 * is given on the command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SAFE_DIR "/safe/"

int main(int argc, char *argv[]) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s NAME\n", argv[0]);
        return 1;
    }
    const char *name = argv[1];
    char path[512];

    // build the path of the file inside SAFE_DIR, open it and print its contents
    if (name[0] == '\0' || strchr(name, '/') || strstr(name, "..")) {
        fprintf(stderr, "invalid name\n");
        return 1;
    }
    snprintf(path, sizeof path, SAFE_DIR "%s", name);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return 1;
    }
    char chunk[512];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        fwrite(chunk, 1, n, stdout);
    }
    fclose(f);
    return 0;
}
