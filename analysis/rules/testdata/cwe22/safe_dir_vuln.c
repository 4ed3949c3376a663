// Read a file under /safe/ named on the command line.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILENAME_LEN 256

int main(int argc, char *argv[]) {
    char *requestedFileName = argv[1];
    char fileNameBuffer[MAX_FILENAME_LEN];
    snprintf(fileNameBuffer, sizeof fileNameBuffer, "/safe/%s", requestedFileName);
    FILE *fp = fopen(fileNameBuffer, "r"); // want CWE-22
    if (fp == NULL) return 1;
    char buf[256];
    while (fgets(buf, sizeof buf, fp)) fputs(buf, stdout);
    fclose(fp);
    return 0;
}
