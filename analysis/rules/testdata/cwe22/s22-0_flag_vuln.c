// 22-0 (C): the flag is set by the loop but never tested.
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
    int bad = 0;
    for (size_t i = 0; name[i] != '\0'; i++) {
        if (name[i] == '.' && name[i + 1] == '.') {
            bad = 1;
        }
    }
    snprintf(path, sizeof path, "%s%s", SAFE_DIR, name);
    FILE *f = fopen(path, "r"); // want CWE-22
    if (f == NULL) {
        return 1;
    }
    char line[256];
    while (fgets(line, sizeof line, f)) {
        printf("%s", line);
    }
    fclose(f);
    return bad;
}
