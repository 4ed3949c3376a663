#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char path[512];
    if (argc < 2) return 1;
    if (strstr(argv[1], "..") != NULL || strchr(argv[1], '/') != NULL) return 1;
    snprintf(path, sizeof(path), "/srv/files/%s", argv[1]);
    FILE *f = fopen(path, "r");
    if (f == NULL) return 1;
    fclose(f);
    return 0;
}
