// 22-0 (C): the resolved path must still start with SAFE_DIR.
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
    snprintf(path, sizeof path, "%s%s", SAFE_DIR, name);
    char *resolved = realpath(path, NULL);
    if (resolved == NULL || strncmp(resolved, SAFE_DIR, strlen(SAFE_DIR)) != 0) {
        fprintf(stderr, "invalid name\n");
        free(resolved);
        return 1;
    }
    FILE *f = fopen(resolved, "r");
    free(resolved);
    if (f == NULL) {
        perror(path);
        return 1;
    }
    int c;
    while ((c = fgetc(f)) != EOF) {
        putchar(c);
    }
    fclose(f);
    return 0;
}
