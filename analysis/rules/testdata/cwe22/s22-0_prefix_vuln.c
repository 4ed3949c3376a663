// 22-0 (C): strstr is only compared with the start of the name: "a/../../x" passes.
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
    if (strstr(name, "../") == name) {
        fprintf(stderr, "invalid name\n");
        return 1;
    }
    snprintf(path, sizeof path, "%s%s", SAFE_DIR, name);
    FILE *f = fopen(path, "r"); // want CWE-22
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
