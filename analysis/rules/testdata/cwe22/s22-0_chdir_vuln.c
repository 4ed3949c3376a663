// 22-0 (C): the program changes to SAFE_DIR and opens the name as it is.
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
    if (chdir(SAFE_DIR) != 0) {
        perror(SAFE_DIR);
        return 1;
    }
    FILE *f = fopen(name, "r"); // want CWE-22
    if (f == NULL) {
        perror(name);
        return 1;
    }
    int c;
    while ((c = getc(f)) != EOF) {
        putchar(c);
    }
    fclose(f);
    return 0;
}
