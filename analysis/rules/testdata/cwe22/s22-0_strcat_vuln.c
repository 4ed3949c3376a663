// 22-0 (C): strcpy and strcat join the directory and the name.
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
    if (strlen(SAFE_DIR) + strlen(name) >= sizeof path) {
        fprintf(stderr, "name too long\n");
        return 1;
    }
    strcpy(path, SAFE_DIR);
    strcat(path, name);
    FILE *fp = fopen(path, "r"); // want CWE-22
    if (!fp) {
        perror("fopen");
        return 1;
    }
    char buf[256];
    while (fgets(buf, sizeof buf, fp) != NULL) {
        fputs(buf, stdout);
    }
    fclose(fp);
    return 0;
}
